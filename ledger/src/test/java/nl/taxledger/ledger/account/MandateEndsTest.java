package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.EndDirectDebitMandate;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PaymentReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mandate ended by hand (domain.md §10): revoked by the debtor (art. 14) or ended by the collector (art. 8.2, with
 * an explanation). From the end date what it covered is no longer collected and falls due at once.
 */
class MandateEndsTest {
    private static final LocalDate SIGNED = day("2026-03-02");
    private static final LocalDate ENDED = day("2026-06-09");
    private static final LocalDate BOOKED = day("2026-06-10");

    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static DirectDebitMandateRegistered mandate() {
        return new DirectDebitMandateRegistered("S1", "M1", "ref", SIGNED, SIGNED);
    }

    /** A1 of 100.00, paid in full before M1 is registered: nothing is open. */
    private static Object[] paidAccountWithMandate() {
        return new Object[] {
            imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
            new PaymentReceived(
                    "S1",
                    "P1",
                    100_00,
                    SIGNED,
                    "A1",
                    "TRANSFER",
                    null,
                    false,
                    0,
                    List.of(principal("A1", "L1", "P1", 100_00)),
                    0,
                    SIGNED),
            mandate()
        };
    }

    @Test
    void a_revocation_ends_the_mandate_and_every_open_assessment_falls_due_on_the_end_date() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                        imposed("S1", "A2", ISSUED, line("L1", "GEM-A", "RIOOLHEFFING", 50_00)),
                        mandate())
                .when(new EndDirectDebitMandate("S1", "M1", "REVOKED", ENDED, BOOKED))
                .expectEvents(
                        new DirectDebitMandateEnded("S1", "M1", "REVOKED", ENDED, BOOKED),
                        new DirectDebitDebtFellDue(
                                "S1",
                                "M1",
                                List.of(new DueAssessment("A1", 100_00), new DueAssessment("A2", 50_00)),
                                ENDED,
                                BOOKED));
    }

    @Test
    void a_paid_assessment_does_not_fall_due() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                        imposed("S1", "A2", ISSUED, line("L1", "GEM-A", "RIOOLHEFFING", 50_00)),
                        mandate(),
                        new PaymentReceived(
                                "S1",
                                "P1",
                                50_00,
                                SIGNED,
                                "A2",
                                "TRANSFER",
                                null,
                                false,
                                0,
                                List.of(principal("A2", "L1", "P1", 50_00)),
                                0,
                                SIGNED))
                .when(new EndDirectDebitMandate("S1", "M1", "REVOKED", ENDED, BOOKED))
                .expectEvents(
                        new DirectDebitMandateEnded("S1", "M1", "REVOKED", ENDED, BOOKED),
                        new DirectDebitDebtFellDue(
                                "S1", "M1", List.of(new DueAssessment("A1", 100_00)), ENDED, BOOKED));
    }

    @Test
    void without_open_debt_nothing_falls_due() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "REVOKED", ENDED, BOOKED))
                .expectEvents(new DirectDebitMandateEnded("S1", "M1", "REVOKED", ENDED, BOOKED));
    }

    @Test
    void an_end_by_the_collector_keeps_its_explanation() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "ENDED_BY_COLLECTOR", ENDED, BOOKED, "rekening opgeheven"))
                .expectEvents(new DirectDebitMandateEnded(
                        "S1", "M1", "ENDED_BY_COLLECTOR", ENDED, BOOKED, "rekening opgeheven"));
    }

    @Test
    void an_end_by_the_collector_without_explanation_is_refused() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "ENDED_BY_COLLECTOR", ENDED, BOOKED, " "))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void three_failures_are_not_a_reason_to_give_by_hand() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "THREE_FAILURES", ENDED, BOOKED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void an_end_before_the_signature_is_refused() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "REVOKED", SIGNED.minusDays(1), BOOKED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void an_end_after_the_booking_date_is_refused() {
        fixture.given(paidAccountWithMandate())
                .when(new EndDirectDebitMandate("S1", "M1", "REVOKED", BOOKED.plusDays(1), BOOKED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void a_mandate_ends_once() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                        mandate(),
                        new DirectDebitMandateEnded("S1", "M1", "REVOKED", ENDED, BOOKED))
                .when(new EndDirectDebitMandate("S1", "M1", "ENDED_BY_COLLECTOR", ENDED, BOOKED, "dubbel"))
                .expectException(rejectedWith(ErrorCode.INVALID_STATE))
                .expectNoEvents();
    }
}
