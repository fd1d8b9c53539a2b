package nl.taxledger.service.bank;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.projections.suspense.SuspenseQuery;
import nl.taxledger.service.clock.LedgerClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The clerk's suspense worklist: every open suspense item, oldest first, with the bank's own text, the counterparty
 * (from the erasable register: gone once erased) and why the import could not match it, plus an ageing summary.
 */
@Component
public class SuspenseWorklist {
    /** A worklist is read by people; the balance and the ageing still count every item. */
    static final int MAX_ITEMS = 1_000;
    /** Ageing buckets by days since the value date: up to 7, 30, 90, and older. */
    static final int[] AGE_LIMITS_DAYS = {7, 30, 90};

    private final JdbcTemplate jdbc;
    private final SuspenseQuery suspense;
    private final LedgerClock clock;

    SuspenseWorklist(JdbcTemplate jdbc, SuspenseQuery suspense, LedgerClock clock) {
        this.jdbc = jdbc;
        this.suspense = suspense;
        this.clock = clock;
    }

    public record Item(String paymentId, String amount, LocalDate valueDate, LocalDate bookingDate, long ageDays,
                       String reason, String bankText, String counterpartyIban, String counterpartyName,
                       String bankAccount, String statementId, String reference) {
    }

    public record AgeBucket(String ageDays, int items, String amount) {
    }

    public record Worklist(String balance, long balanceCents, List<AgeBucket> ageing, List<Item> items,
                           boolean truncated) {
    }

    public Worklist worklist() {
        LocalDate today = clock.today();
        List<Item> items = jdbc.query("SELECT s.payment_id, s.amount_cents, s.value_date, s.booking_date,"
                        + " COALESCE(t.suspense_reason, 'NO_MATCH'), t.bank_text, c.iban, c.holder_name, t.iban,"
                        + " t.statement_id, s.reference FROM suspense_item s"
                        + " LEFT JOIN bank_transaction t ON t.payment_id = s.payment_id"
                        + " LEFT JOIN counterparty_account c ON c.account_ref = t.counterparty_ref"
                        + " WHERE s.status = 'OPEN' ORDER BY s.value_date, s.booking_date, s.payment_id LIMIT ?",
                (rs, row) -> {
                    LocalDate valueDate = rs.getObject(3, LocalDate.class);
                    return new Item(rs.getString(1), BankStatementImport.euro(rs.getLong(2)), valueDate,
                            rs.getObject(4, LocalDate.class), ChronoUnit.DAYS.between(valueDate, today),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11));
                }, MAX_ITEMS + 1);
        boolean truncated = items.size() > MAX_ITEMS;
        long balanceCents = suspense.balanceCents();
        return new Worklist(BankStatementImport.euro(balanceCents), balanceCents, ageing(today),
                truncated ? items.subList(0, MAX_ITEMS) : items, truncated);
    }

    private List<AgeBucket> ageing(LocalDate today) {
        List<AgeBucket> buckets = new ArrayList<>();
        int from = 0;
        for (int limit : AGE_LIMITS_DAYS) {
            buckets.add(bucket(from + "-" + limit, today.minusDays(limit), today.minusDays(from)));
            from = limit + 1;
        }
        buckets.add(bucket(">" + AGE_LIMITS_DAYS[AGE_LIMITS_DAYS.length - 1], LocalDate.of(1, 1, 1),
                today.minusDays(from)));
        return buckets;
    }

    private AgeBucket bucket(String label, LocalDate oldestValueDate, LocalDate newestValueDate) {
        return jdbc.queryForObject("SELECT count(*), COALESCE(sum(amount_cents), 0) FROM suspense_item"
                        + " WHERE status = 'OPEN' AND value_date BETWEEN ? AND ?",
                (rs, row) -> new AgeBucket(label, rs.getInt(1), BankStatementImport.euro(rs.getLong(2))),
                oldestValueDate, newestValueDate);
    }
}
