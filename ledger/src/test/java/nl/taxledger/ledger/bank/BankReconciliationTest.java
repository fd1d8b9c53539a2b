package nl.taxledger.ledger.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.bank.BankReconciliation.BankLine;
import nl.taxledger.ledger.bank.BankReconciliation.ItemKind;
import nl.taxledger.ledger.bank.BankReconciliation.StatementBalance;
import org.junit.jupiter.api.Test;

/** The bank reconciliation of one account (domain.md §9), one rule per test. */
class BankReconciliationTest {
    private static final String ING = "NL42INGB8340629042";
    private static final LocalDate MARCH_2 = LocalDate.parse("2026-03-02");
    private static final LocalDate MARCH_3 = LocalDate.parse("2026-03-03");

    private static StatementBalance statement(String id, LocalDate date, long opening, long closing) {
        return new StatementBalance(id, date, null, opening, closing, null);
    }

    private static BankLedgerLine payment(String paymentId, long cents, LocalDate valueDate) {
        return new BankLedgerLine(BankLedgerLine.PAYMENT + paymentId, cents, valueDate, paymentId);
    }

    @Test
    void a_payment_on_the_statement_and_in_the_ledger_explains_itself() {
        BankReconciliation.Report report = BankReconciliation.reconcile(
                ING,
                MARCH_2,
                List.of(statement("S1", MARCH_2, 0, 40_00)),
                List.of(new BankLine("S1", "payment:P1", 40_00, null)),
                List.of(payment("P1", 40_00, MARCH_2)));

        assertThat(report.differenceCents()).isZero();
        assertThat(report.items()).isEmpty();
        assertThat(report.unexplainedCents()).isZero();
    }

    @Test
    void a_statement_whose_transactions_were_not_recorded_is_named_and_its_difference_left_unexplained() {
        BankReconciliation.Report report = BankReconciliation.reconcile(
                ING,
                MARCH_2,
                List.of(statement("S1", MARCH_2, 0, 47_50)),
                List.of(new BankLine("S1", "payment:P1", 40_00, null)),
                List.of(payment("P1", 40_00, MARCH_2)));

        assertThat(report.unexplainedCents()).isEqualTo(7_50);
        assertThat(report.where())
                .containsExactly("statement S1 moved 47.50 but its recorded transactions add up to 40.00");
    }

    @Test
    void a_credit_whose_payment_has_a_later_value_date_is_booked_later() {
        BankReconciliation.Report report = BankReconciliation.reconcile(
                ING,
                MARCH_2,
                List.of(statement("S1", MARCH_2, 0, 40_00)),
                List.of(new BankLine("S1", "payment:P1", 40_00, null)),
                List.of(payment("P1", 40_00, MARCH_3)));

        assertThat(report.items())
                .extracting(BankReconciliation.Item::kind)
                .containsExactly(ItemKind.RECEIPT_BOOKED_LATER);
        assertThat(report.unexplainedCents()).isZero();
    }

    @Test
    void statements_after_the_date_are_left_out_and_the_latest_before_it_closes() {
        BankReconciliation.Report report = BankReconciliation.reconcile(
                ING,
                MARCH_2,
                List.of(statement("S2", MARCH_3, 40_00, 90_00), statement("S1", MARCH_2, 0, 40_00)),
                List.of(new BankLine("S1", "payment:P1", 40_00, null), new BankLine("S2", "payment:P2", 50_00, null)),
                List.of(payment("P1", 40_00, MARCH_2), payment("P2", 50_00, MARCH_3)));

        assertThat(report.statementId()).isEqualTo("S1");
        assertThat(report.statementClosingCents()).isEqualTo(40_00);
        assertThat(report.ledgerBankCents()).isEqualTo(40_00);
        assertThat(report.items()).isEmpty();
    }

    @Test
    void a_storno_booked_but_not_yet_debited_on_a_statement_is_an_item() {
        BankReconciliation.Report report = BankReconciliation.reconcile(
                ING,
                MARCH_2,
                List.of(statement("S1", MARCH_2, 0, 40_00)),
                List.of(new BankLine("S1", "payment:P1", 40_00, null)),
                List.of(
                        payment("P1", 40_00, MARCH_2),
                        new BankLedgerLine(BankLedgerLine.REVERSAL + "P1", -40_00, MARCH_2, "P1")));

        assertThat(report.items())
                .extracting(BankReconciliation.Item::kind, BankReconciliation.Item::cents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemKind.REVERSAL_NOT_ON_STATEMENT, 40_00L));
        assertThat(report.unexplainedCents()).isZero();
    }
}
