package nl.taxledger.ledger.directdebit;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.CollectionCandidate;
import nl.taxledger.ledger.api.DirectDebitCollection;
import nl.taxledger.ledger.api.DirectDebitRunIssued;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PrepareDirectDebitRun;
import nl.taxledger.ledger.api.SequenceType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct-debit run of domain.md §10: one rule per test. */
class DirectDebitRunTest {
    /** Issued on 31 July 2025: ten moments, August 2025 to May 2026 (the last on 29 May 2026). */
    private static final LocalDate JULY_ISSUE = LocalDate.of(2025, 7, 31);

    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 27);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 29);
    private static final LocalDate BOOKED = LocalDate.of(2026, 2, 24);

    private AggregateTestFixture<DirectDebitRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DirectDebitRun.class);
    }

    private static CollectionCandidate candidate(
            String debtorId, String assessmentId, LocalDate issued, long openCents) {
        return new CollectionCandidate(
                debtorId, "M-" + debtorId, true, assessmentId, issued, issued.plusMonths(2), 10, openCents);
    }

    private static PrepareDirectDebitRun run(LocalDate date, LocalDate booked, CollectionCandidate... candidates) {
        return new PrepareDirectDebitRun(PrepareDirectDebitRun.runIdOf(date), date, List.of(candidates), booked);
    }

    private static DirectDebitRunIssued issued(LocalDate date, LocalDate booked, DirectDebitCollection... collections) {
        long total = 0;
        for (DirectDebitCollection collection : collections) {
            total += collection.amountCents();
        }
        return new DirectDebitRunIssued(PrepareDirectDebitRun.runIdOf(date), date, List.of(collections), total, booked);
    }

    @Test
    void a_term_is_the_open_amount_over_the_moments_left_rounded_down_to_cents() {
        // February 2026 is the 7th of 10 moments: 4 left, 250.03 / 4 = 62.5075
        fixture.givenNoPriorActivity()
                .when(run(FEBRUARY, BOOKED, candidate("S1", "A1", JULY_ISSUE, 250_03)))
                .expectEvents(issued(
                        FEBRUARY,
                        BOOKED,
                        new DirectDebitCollection(
                                "DD20260227-1", "S1", "M-S1", "A1", 62_50, SequenceType.RCUR, 7, 10)));
    }

    @Test
    void the_last_term_collects_the_whole_open_amount() {
        fixture.givenNoPriorActivity()
                .when(run(MAY, BOOKED, candidate("S1", "A1", JULY_ISSUE, 62_51)))
                .expectEvents(issued(
                        MAY,
                        BOOKED,
                        new DirectDebitCollection(
                                "DD20260529-1", "S1", "M-S1", "A1", 62_51, SequenceType.RCUR, 10, 10)));
    }

    @Test
    void a_term_of_nothing_is_no_transaction_and_the_run_is_still_issued() {
        // 3 cents over 4 moments rounds down to 0.00
        fixture.givenNoPriorActivity()
                .when(run(FEBRUARY, BOOKED, candidate("S1", "A1", JULY_ISSUE, 3)))
                .expectEvents(issued(FEBRUARY, BOOKED));
    }

    @Test
    void an_assessment_with_no_moment_on_the_date_is_not_collected() {
        // issued in February 2026: its first moment is in March
        fixture.givenNoPriorActivity()
                .when(run(FEBRUARY, BOOKED, candidate("S1", "A1", FEBRUARY, 100_00)))
                .expectEvents(issued(FEBRUARY, BOOKED));
    }

    @Test
    void a_run_is_issued_once_per_date() {
        fixture.given(issued(FEBRUARY, BOOKED))
                .when(run(FEBRUARY, BOOKED.plusDays(1), candidate("S1", "A1", JULY_ISSUE, 100_00)))
                .expectException(rejectedWith(ErrorCode.RUN_ALREADY_ISSUED));
    }

    @Test
    void the_collection_date_must_be_a_collection_moment() {
        LocalDate notTheLastWorkingDay = LocalDate.of(2026, 2, 26);
        fixture.givenNoPriorActivity()
                .when(run(notTheLastWorkingDay, BOOKED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void the_collection_date_may_not_lie_before_the_booking_date() {
        fixture.givenNoPriorActivity()
                .when(run(FEBRUARY, FEBRUARY.plusDays(1)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void transactions_go_by_debtor_then_assessment_order_and_are_numbered_from_one() {
        LocalDate august = LocalDate.of(2025, 8, 15);
        fixture.givenNoPriorActivity()
                .when(run(
                        FEBRUARY,
                        BOOKED,
                        candidate("S2", "A9", JULY_ISSUE, 40_00),
                        candidate("S1", "B2", august, 50_00),
                        candidate("S1", "A7", JULY_ISSUE, 40_00)))
                .expectEvents(issued(
                        FEBRUARY,
                        BOOKED,
                        new DirectDebitCollection("DD20260227-1", "S1", "M-S1", "A7", 10_00, SequenceType.RCUR, 7, 10),
                        new DirectDebitCollection("DD20260227-2", "S1", "M-S1", "B2", 10_00, SequenceType.RCUR, 6, 10),
                        new DirectDebitCollection(
                                "DD20260227-3", "S2", "M-S2", "A9", 10_00, SequenceType.RCUR, 7, 10)));
    }

    @Test
    void a_mandates_first_collection_is_frst() {
        CollectionCandidate firstTime =
                new CollectionCandidate("S1", "M1", false, "A1", JULY_ISSUE, JULY_ISSUE, 10, 40_00);
        fixture.givenNoPriorActivity()
                .when(run(FEBRUARY, BOOKED, firstTime))
                .expectEvents(issued(
                        FEBRUARY,
                        BOOKED,
                        new DirectDebitCollection("DD20260227-1", "S1", "M1", "A1", 10_00, SequenceType.FRST, 7, 10)));
    }
}
