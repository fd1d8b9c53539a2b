package nl.taxledger.service.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.bank.BankLedgerLine;
import nl.taxledger.ledger.bank.BankReconciliation;
import nl.taxledger.ledger.journal.Journal;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.remittance.CollectorAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The bank reconciliation of one account on one statement date (domain.md §9), gathered for the pure
 * {@link BankReconciliation}: the account's recorded statements and their booked transactions (command side), and the
 * journal's bank lines of the account, folded from the event store like the reference-date reports (so as of the
 * date, everything booked so far). Which account a ledger bank line is on: a payment or its storno is on the account
 * of the statement it came on; a payment typed in (no statement) and every payout (remittances and refunds leave from
 * the collector's account of the pain.001) are on the collector's own account {@code ledger.collector.iban}.
 */
@Service
public class BankReconciliationReport {
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final CollectorAccount collector;

    BankReconciliationReport(JdbcTemplate jdbc, DataSource dataSource, CollectorAccount collector) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.collector = collector;
    }

    public BankReconciliation.Report reconcile(String iban, LocalDate date) {
        if (jdbc.queryForList("SELECT 1 FROM bank_account WHERE iban = ?", Integer.class, iban)
                .isEmpty()) {
            throw new LedgerRejection(
                    ErrorCode.UNKNOWN_BANK_ACCOUNT, iban + " is not one of the collector's" + " registered accounts");
        }
        List<BankReconciliation.StatementBalance> statements = jdbc.query(
                "SELECT statement_id, statement_date,"
                        + " electronic_sequence, opening_cents, closing_cents, gap_reason FROM bank_statement"
                        + " WHERE iban = ? AND statement_date <= ?",
                (rs, row) -> new BankReconciliation.StatementBalance(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, Long.class),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6)),
                iban,
                date);
        List<BankReconciliation.BankLine> lines = jdbc.query(
                "SELECT l.statement_id, l.reconcile_key, l.amount_cents,"
                        + " l.bank_text FROM bank_statement_line l JOIN bank_statement s ON s.iban = l.iban"
                        + " AND s.statement_id = l.statement_id WHERE l.iban = ? AND s.statement_date <= ?",
                (rs, row) -> new BankReconciliation.BankLine(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                iban,
                date);
        return BankReconciliation.reconcile(iban, date, statements, lines, ledgerLines(iban));
    }

    /** The journal's bank lines that are on {@code iban}, any date (the pure part cuts them at the date). */
    private List<BankLedgerLine> ledgerLines(String iban) {
        Set<String> onThisAccount = new HashSet<>(
                jdbc.queryForList("SELECT payment_id FROM bank_transaction WHERE iban = ?", String.class, iban));
        boolean house = iban.equals(collector.iban());
        Set<String> onAnyStatement = house
                ? new HashSet<>(jdbc.queryForList("SELECT payment_id FROM bank_transaction", String.class))
                : Set.of();
        Journal journal = new Journal();
        List<BankLedgerLine> lines = new ArrayList<>();
        new EventStoreReader()
                .readAll(
                        dataSource,
                        fact -> BankLedgerLine.of(fact, journal.post(fact))
                                .filter(line -> line.paymentId() == null
                                        ? house
                                        : onThisAccount.contains(line.paymentId())
                                                || house && !onAnyStatement.contains(line.paymentId()))
                                .ifPresent(lines::add),
                        EventStoreReader.NO_PROGRESS);
        return lines;
    }
}
