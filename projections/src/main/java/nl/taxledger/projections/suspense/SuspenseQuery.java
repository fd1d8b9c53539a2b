package nl.taxledger.projections.suspense;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** What is in suspense now. */
public class SuspenseQuery {

    private final JdbcTemplate jdbc;

    public SuspenseQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenItem(String paymentId, long amountCents, LocalDate valueDate, LocalDate bookingDate,
                           String reference, String channel) {
    }

    public long balanceCents() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_cents), 0) FROM suspense_item WHERE status = 'OPEN'",
                Long.class);
    }

    /** Open items, oldest booking first. */
    public List<OpenItem> openItems() {
        return jdbc.query("SELECT * FROM suspense_item WHERE status = 'OPEN' ORDER BY booking_date, payment_id",
                (rs, n) -> new OpenItem(rs.getString("payment_id"), rs.getLong("amount_cents"),
                        rs.getObject("value_date", LocalDate.class), rs.getObject("booking_date", LocalDate.class),
                        rs.getString("reference"), rs.getString("channel")));
    }
}
