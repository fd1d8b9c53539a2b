package nl.taxledger.ledger.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.ArrangementTerm;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import org.junit.jupiter.api.Test;

/** Management information (domain.md §7) counts each arrangement, mandate and payment once. */
class ManagementInfoTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private static AsOfFold fold(LedgerFact... events) {
        return foldAt(null, events);
    }

    /** The facts folded as of {@code asOf} (null: everything), as known now. */
    private static AsOfFold foldAt(LocalDate asOf, LedgerFact... events) {
        AsOfFold fold = new AsOfFold(asOf, null);
        for (LedgerFact event : events) {
            fold.apply(event);
        }
        return fold;
    }

    /** All that is open of A1 (100.00) fell due on {@code date}, booked that day. */
    private static DirectDebitDebtFellDue fellDue(String mandateId, LocalDate date) {
        return new DirectDebitDebtFellDue("S1", mandateId, List.of(new DueAssessment("A1", 100_00)), date, date);
    }

    private static ManagementInfo.Row row(AsOfFold fold, String period, String measure) {
        return fold.managementInfo().stream()
                .filter(r -> r.period().equals(period) && r.measure().equals(measure))
                .findFirst()
                .orElse(new ManagementInfo.Row(period, measure, 0, 0));
    }

    private static PaymentArrangementAgreed arrangement(String debtorId, String arrangementId) {
        return new PaymentArrangementAgreed(
                debtorId,
                arrangementId,
                List.of("A-" + debtorId),
                List.of(new ArrangementTerm(MARCH_1.plusMonths(1), 10_00)),
                MARCH_1,
                MARCH_1);
    }

    private static AssessmentImposed assessment(String debtorId, String assessmentId) {
        return new AssessmentImposed(
                debtorId,
                assessmentId,
                MARCH_1,
                MARCH_1.plusMonths(2),
                assessmentId,
                List.of(new LineSpec("L1", "GEM-A", "OZB", 2026, 100_00)),
                MARCH_1);
    }

    @Test
    void arrangements_of_two_debtors_with_the_same_id_are_two_active_arrangements() {
        AsOfFold fold = fold(arrangement("S1", "BR1"), arrangement("S2", "BR1"));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "ARRANGEMENTS_ACTIVE")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void ending_one_debtors_arrangement_leaves_the_other_debtors_arrangement_of_the_same_id_active() {
        AsOfFold fold = fold(
                arrangement("S1", "BR1"),
                arrangement("S2", "BR1"),
                new PaymentArrangementEnded("S1", "BR1", ArrangementOutcome.COMPLETED, MARCH_1, MARCH_1));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "ARRANGEMENTS_ACTIVE")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void ending_one_debtors_mandate_leaves_the_other_debtor_with_a_mandate_of_the_same_id_under_direct_debit() {
        AsOfFold fold = fold(
                new DirectDebitMandateRegistered("S1", "M1", null, MARCH_1, MARCH_1),
                new DirectDebitMandateRegistered("S2", "M1", null, MARCH_1, MARCH_1),
                new DirectDebitMandateEnded("S1", "M1", "REVOKED", MARCH_1, MARCH_1));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "DEBTORS_WITH_DIRECT_DEBIT")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_payment_assigned_from_suspense_is_counted_once_as_an_unmatched_payment_and_not_again_as_a_payment() {
        AsOfFold fold = fold(
                assessment("S1", "A1"),
                new PaymentUnmatched("P9", 50_00, MARCH_1, "??", "TRANSFER", null, MARCH_1),
                new UnmatchedPaymentAssigned("P9", "S1", 50_00, MARCH_1),
                new PaymentReceived(
                        "S1",
                        "P9",
                        50_00,
                        MARCH_1,
                        null,
                        "TRANSFER",
                        null,
                        true,
                        0,
                        List.of(new Allocation("A1", Component.PRINCIPAL, "L1", "P9", 50_00)),
                        0,
                        MARCH_1));

        assertThat(row(fold, "2026-03", "UNMATCHED_PAYMENTS"))
                .extracting(r -> r.count(), r -> r.amountCents())
                .containsExactly(1L, 50_00L);
        assertThat(row(fold, "2026-03", "PAYMENTS").count()).isZero();
        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "SUSPENSE_OPEN").count())
                .isZero();
    }

    @Test
    void debt_that_fell_due_when_a_mandate_ended_is_past_the_term_before_its_own_due_date() {
        AsOfFold fold = foldAt(
                MARCH_1.plusDays(10),
                assessment("S1", "A1"),
                new DirectDebitMandateRegistered("S1", "M1", null, MARCH_1, MARCH_1),
                new DirectDebitMandateEnded("S1", "M1", "REVOKED", MARCH_1.plusDays(5), MARCH_1.plusDays(5)),
                fellDue("M1", MARCH_1.plusDays(5)));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_PAST_TERM").amountCents())
                .isEqualTo(100_00);
        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_WITHIN_TERM")
                        .count())
                .isZero();
    }

    @Test
    void debt_falls_due_from_the_end_date_on_not_before() {
        AsOfFold fold = foldAt(
                MARCH_1.plusDays(4),
                assessment("S1", "A1"),
                new DirectDebitMandateRegistered("S1", "M1", null, MARCH_1, MARCH_1),
                new DirectDebitMandateEnded("S1", "M1", "REVOKED", MARCH_1.plusDays(5), MARCH_1.plusDays(5)),
                fellDue("M1", MARCH_1.plusDays(5)));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_UNDER_DIRECT_DEBIT")
                        .amountCents())
                .isEqualTo(100_00);
    }

    @Test
    void debt_that_fell_due_after_a_failed_last_term_is_past_the_term_while_the_mandate_goes_on() {
        AsOfFold fold = foldAt(
                MARCH_1.plusMonths(1),
                assessment("S1", "A1"),
                new DirectDebitMandateRegistered("S1", "M1", null, MARCH_1, MARCH_1),
                fellDue("M1", MARCH_1.plusDays(5)));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_PAST_TERM").amountCents())
                .isEqualTo(100_00);
        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_UNDER_DIRECT_DEBIT")
                        .count())
                .isZero();
        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "DEBTORS_WITH_DIRECT_DEBIT")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_mandate_registered_after_the_debt_fell_due_puts_it_under_direct_debit_again() {
        AsOfFold fold = foldAt(
                MARCH_1.plusMonths(1),
                assessment("S1", "A1"),
                new DirectDebitMandateRegistered("S1", "M1", null, MARCH_1, MARCH_1),
                new DirectDebitMandateEnded("S1", "M1", "REVOKED", MARCH_1.plusDays(5), MARCH_1.plusDays(5)),
                fellDue("M1", MARCH_1.plusDays(5)),
                new DirectDebitMandateRegistered("S1", "M2", null, MARCH_1.plusDays(9), MARCH_1.plusDays(9)));

        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_UNDER_DIRECT_DEBIT")
                        .amountCents())
                .isEqualTo(100_00);
        assertThat(row(fold, ManagementInfo.AT_REFERENCE_DATE, "OPEN_PAST_TERM").count())
                .isZero();
    }
}
