package nl.taxledger.service.bank;

import java.util.List;
import nl.taxledger.ledger.bank.BankReconciliation;
import nl.taxledger.service.asof.Table;

/**
 * The bank reconciliation as the API answers it (amounts as euro text, like every answer) and as the as-of report's
 * rows (CSV, XLSX): the two balances, the difference, each item, and what is left unexplained.
 */
public record ReconciliationView(
        String account,
        String date,
        String statementId,
        String statementClosingBalance,
        String ledgerBankBalance,
        String difference,
        List<ItemView> items,
        String explained,
        String unexplained,
        List<String> where) {

    /** One explaining item: statement side − ledger side. */
    public record ItemView(String kind, String statementId, String reference, String text, String amount) {}

    static ReconciliationView of(BankReconciliation.Report report) {
        return new ReconciliationView(
                report.iban(),
                report.date().toString(),
                report.statementId(),
                report.statementClosingCents() == null
                        ? null
                        : BankStatementImport.euro(report.statementClosingCents()),
                BankStatementImport.euro(report.ledgerBankCents()),
                BankStatementImport.euro(report.differenceCents()),
                report.items().stream()
                        .map(item -> new ItemView(
                                item.kind().name(),
                                item.statementId(),
                                item.key(),
                                item.text(),
                                BankStatementImport.euro(item.cents())))
                        .toList(),
                BankStatementImport.euro(report.explainedCents()),
                BankStatementImport.euro(report.unexplainedCents()),
                report.where());
    }

    /** One row per figure and item, then one per place a difference is left: readable top to bottom. */
    static Table table(BankReconciliation.Report report) {
        Table table = new Table(
                "bankreconciliatie",
                List.of(
                        new Table.Column("line", Table.Kind.TEXT),
                        new Table.Column("statementId", Table.Kind.TEXT),
                        new Table.Column("reference", Table.Kind.TEXT),
                        new Table.Column("text", Table.Kind.TEXT),
                        new Table.Column("amount", Table.Kind.AMOUNT)));
        table.row(
                "STATEMENT_CLOSING_BALANCE",
                report.statementId(),
                report.iban(),
                "per " + report.date(),
                report.statementClosingCents());
        table.row(
                "LEDGER_BANK_BALANCE",
                null,
                report.iban(),
                "journal 1000 Bank, effective up to " + report.date(),
                report.ledgerBankCents());
        table.row("DIFFERENCE", null, null, "statement - ledger", report.differenceCents());
        for (BankReconciliation.Item item : report.items()) {
            table.row(item.kind().name(), item.statementId(), item.key(), item.text(), item.cents());
        }
        table.row("EXPLAINED", null, null, null, report.explainedCents());
        table.row("UNEXPLAINED", null, null, null, report.unexplainedCents());
        for (String place : report.where()) {
            table.row("WHERE", null, null, place, null);
        }
        return table;
    }
}
