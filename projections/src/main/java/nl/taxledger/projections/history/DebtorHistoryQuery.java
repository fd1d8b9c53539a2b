package nl.taxledger.projections.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** A debtor's facts in store order, with metadata and the payload as JSON. */
public class DebtorHistoryQuery {

    private final JdbcTemplate jdbc;

    public DebtorHistoryQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Fact(long globalPosition, String eventId, String eventType, LocalDate effectiveDate,
                       LocalDate bookingDate, Instant recordedAt, String who, String why, String source,
                       String commandId, String payloadJson) {
    }

    public List<Fact> history(String debtorId) {
        return jdbc.query("SELECT * FROM history_fact WHERE debtor_id = ? ORDER BY global_position",
                (rs, n) -> new Fact(rs.getLong("global_position"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getObject("effective_date", LocalDate.class),
                        rs.getObject("booking_date", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("who"), rs.getString("why"), rs.getString("source"),
                        rs.getString("command_id"), rs.getString("payload")),
                debtorId);
    }
}
