package nl.taxledger.ledger.period;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ClosePeriod;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PeriodClosed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Closing periods (domain.md §3, PeriodClosed): one rule per test. */
class LedgerPeriodsTest {
    private AggregateTestFixture<LedgerPeriods> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LedgerPeriods.class);
    }

    private static ClosePeriod close(String through, String bookingDate) {
        return new ClosePeriod(ClosePeriod.LEDGER, LocalDate.parse(through), LocalDate.parse(bookingDate));
    }

    private static PeriodClosed closed(String through, String bookingDate) {
        return new PeriodClosed(ClosePeriod.LEDGER, LocalDate.parse(through), LocalDate.parse(bookingDate));
    }

    @Test
    void theFirstCloseCreatesTheLedgersPeriods() {
        fixture.givenNoPriorActivity()
                .when(close("2026-12-31", "2027-01-15"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(closed("2026-12-31", "2027-01-15"));
    }

    @Test
    void aLaterCloseMovesTheDateForward() {
        fixture.given(closed("2026-12-31", "2027-01-15"))
                .when(close("2027-03-31", "2027-04-02"))
                .expectEvents(closed("2027-03-31", "2027-04-02"));
    }

    /** The books are closed through 2026-12-31: closing through that day again, or an earlier one, is refused. */
    @ParameterizedTest(name = "through {0}")
    @ValueSource(strings = {"2026-06-30", "2026-12-31"})
    void aCloseMayNotGoBackwardsNorRepeatTheLastOne(String through) {
        fixture.given(closed("2026-12-31", "2027-01-15"))
                .when(close(through, "2027-01-20"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aPeriodThatHasNotEndedCannotBeClosed() {
        fixture.givenNoPriorActivity()
                .when(close("2027-01-15", "2027-01-15"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

}
