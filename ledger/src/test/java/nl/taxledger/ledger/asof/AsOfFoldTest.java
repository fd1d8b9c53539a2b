package nl.taxledger.ledger.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 10 (reference-date replay): assessment A11 of 500.00 issued 2026-02-27; payment P11a
 * of 200.00 with value date 2026-12-30 booked 2027-01-05; P11b of 100.00 valued 2027-01-10.
 */
class AsOfFoldTest {
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    private static List<LedgerFact> scenario10() {
        return List.of(
                new AssessmentImposed("S11", "A11", day("2026-02-27"), day("2026-04-30"), "A11",
                        List.of(new LineSpec("L1", "GEM-A", "OZB", 2026, 500_00)), day("2026-02-27")),
                paid("P11a", 200_00, "2026-12-30", "2027-01-05"),
                paid("P11b", 100_00, "2027-01-10", "2027-01-11"));
    }

    private static PaymentReceived paid(String paymentId, long cents, String valueDate, String bookingDate) {
        return new PaymentReceived("S11", paymentId, cents, day(valueDate), "A11", "TRANSFER", null, false, 0,
                List.of(new Allocation("A11", Component.PRINCIPAL, "L1", paymentId, cents)), 0, day(bookingDate));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static AsOfFold fold(LocalDate asOf, LocalDate knownAt, List<LedgerFact> events) {
        AsOfFold fold = new AsOfFold(asOf, knownAt);
        events.forEach(fold::apply);
        return fold;
    }

    /** GEM-A's OZB 2026 cell of scenario 10: 500.00 imposed throughout; what counts as received follows the dates. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            as reported on the reference date: P11a booked later does not count | 2026-12-31 | 2026-12-31 | 0 | 50000
            as known now: P11a valued before the reference date counts     | 2026-12-31 |            | 20000 | 30000
            without dates every fact counts                                |            |            | 30000 | 20000
            """)
    void what_the_reconciliation_counts_follows_the_reference_and_knowledge_dates(String rule, LocalDate asOf,
            LocalDate knownAt, long receivedCents, long outstandingCents) {
        ReconciliationCell cell = fold(asOf, knownAt, scenario10()).reconciliation("GEM-A", "OZB", 2026)
                .orElseThrow();

        assertThat(cell.imposedCents()).isEqualTo(500_00);
        assertThat(cell.receivedCents()).isEqualTo(receivedCents);
        assertThat(cell.outstandingCents()).isEqualTo(outstandingCents);
    }

    @Test
    void the_debtor_position_follows_the_same_dates() {
        assertThat(fold(DEC_31, null, scenario10()).debtor("S11").assessment("A11").orElseThrow().openPrincipalCents())
                .isEqualTo(300_00);
        assertThat(fold(DEC_31, day("2027-01-04"), scenario10()).debtor("S11").assessment("A11").orElseThrow()
                .openPrincipalCents()).isEqualTo(500_00);
    }

    @Test
    void before_the_issue_date_the_assessment_does_not_exist_yet() {
        AsOfFold fold = fold(day("2026-02-26"), null, scenario10());
        assertThat(fold.reconciliation()).isEmpty();
        assertThat(fold.debtor("S11").assessments()).isEmpty();
    }

    @Test
    void a_payment_from_suspense_leaves_suspense_on_its_value_date_so_money_is_never_counted_twice() {
        List<LedgerFact> events = new java.util.ArrayList<>(scenario10().subList(0, 1));
        events.add(new PaymentUnmatched("P9", 50_00, day("2026-03-10"), "??", "TRANSFER", null, day("2026-03-10")));
        events.add(new UnmatchedPaymentAssigned("P9", "S11", 50_00, day("2026-03-20")));
        events.add(new PaymentReceived("S11", "P9", 50_00, day("2026-03-10"), null, "TRANSFER", null, true, 0,
                List.of(new Allocation("A11", Component.PRINCIPAL, "L1", "P9", 50_00)), 0, day("2026-03-20")));

        assertThat(fold(day("2026-03-15"), day("2026-03-15"), events).suspenseCents()).isEqualTo(50_00);
        AsOfFold knownNow = fold(day("2026-03-15"), null, events);
        assertThat(knownNow.suspenseCents()).isZero();
        assertThat(knownNow.reconciliation("GEM-A", "OZB", 2026).orElseThrow().receivedCents()).isEqualTo(50_00);
    }

    @Test
    void the_trial_balance_sums_to_zero() {
        long sum = fold(DEC_31, null, scenario10()).trialBalance().stream().mapToLong(TrialBalanceRow::balanceCents).sum();
        assertThat(sum).isZero();
    }
}
