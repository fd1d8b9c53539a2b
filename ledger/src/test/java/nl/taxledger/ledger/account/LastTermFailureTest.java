package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.RecordDirectDebitFailure;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed last term (the rule book is silent; docs/design.md "Choices where the rule book is silent"): no later
 * collection moment collects the assessment again, so its remaining debt falls due at once, on the day the failure
 * is booked, as the existing fact {@code DirectDebitDebtFellDue}; the mandate goes on for the debtor's other debts.
 */
class LastTermFailureTest {
    private static final LocalDate LAST = day("2026-12-31");
    private static final LocalDate BOOKED = day("2027-01-04");

    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static Object[] mandateOverTwoAssessments(Object... then) {
        Object[] given = {
            imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
            imposed("S1", "A2", ISSUED, line("L1", "GEM-A", "OZB", 50_00)),
            new DirectDebitMandateRegistered("S1", "M1", "ref", ISSUED, ISSUED)
        };
        Object[] all = java.util.Arrays.copyOf(given, given.length + then.length);
        System.arraycopy(then, 0, all, given.length, then.length);
        return all;
    }

    private static RecordDirectDebitFailure lastTermOfA1Failed() {
        return new RecordDirectDebitFailure("S1", "M1", LAST, "AM04", BOOKED, "DD20261231-1", "A1");
    }

    @Test
    void a_failed_last_term_makes_what_is_open_of_that_assessment_fall_due_and_the_mandate_goes_on() {
        fixture.given(mandateOverTwoAssessments())
                .when(lastTermOfA1Failed())
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M1", LAST, "AM04", 1, BOOKED, "DD20261231-1"),
                        new DirectDebitDebtFellDue(
                                "S1", "M1", List.of(new DueAssessment("A1", 100_00)), BOOKED, BOOKED));
    }

    @Test
    void a_failure_of_an_earlier_term_makes_nothing_fall_due() {
        fixture.given(mandateOverTwoAssessments())
                .when(new RecordDirectDebitFailure("S1", "M1", LAST, "AM04", BOOKED, "DD20261231-1"))
                .expectEvents(new DirectDebitCollectionFailed("S1", "M1", LAST, "AM04", 1, BOOKED, "DD20261231-1"));
    }

    @Test
    void a_last_term_paid_meanwhile_by_transfer_leaves_nothing_to_fall_due() {
        fixture.given(mandateOverTwoAssessments(new PaymentReceived(
                        "S1",
                        "P1",
                        100_00,
                        LAST,
                        "A1",
                        "TRANSFER",
                        null,
                        false,
                        0,
                        List.of(principal("A1", "L1", "P1", 100_00)),
                        0,
                        LAST)))
                .when(lastTermOfA1Failed())
                .expectEvents(new DirectDebitCollectionFailed("S1", "M1", LAST, "AM04", 1, BOOKED, "DD20261231-1"));
    }

    @Test
    void when_the_third_failure_ends_the_mandate_the_debt_falls_due_once() {
        fixture.given(mandateOverTwoAssessments(
                        new DirectDebitCollectionFailed("S1", "M1", day("2026-10-30"), "AM04", 1, day("2026-10-30")),
                        new DirectDebitCollectionFailed("S1", "M1", day("2026-11-30"), "AM04", 2, day("2026-11-30"))))
                .when(lastTermOfA1Failed())
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M1", LAST, "AM04", 3, BOOKED, "DD20261231-1"),
                        new DirectDebitMandateEnded("S1", "M1", "THREE_FAILURES", BOOKED, BOOKED),
                        new DirectDebitDebtFellDue(
                                "S1",
                                "M1",
                                List.of(new DueAssessment("A1", 100_00), new DueAssessment("A2", 50_00)),
                                BOOKED,
                                BOOKED));
    }
}
