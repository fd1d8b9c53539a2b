package nl.taxledger.service.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The few reads the pages need that no query service answers yet: the remittance runs with their release, the
 * refunds waiting for approval. Read-only; every list is bounded.
 */
@Component
class WebReads {
    static final int MAX_ROWS = 500;
    private final JdbcTemplate jdbc;

    WebReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One remittance run (every participant's remittance with this period end) and its released file, if any. */
    record Run(LocalDate periodEnd, int participants, long amountCents, String messageId, String releasedBy) {
        public boolean released() {
            return messageId != null;
        }
    }

    record WaitingRefund(String refundId, String debtorId, long amountCents, LocalDate valueDate, String bookedBy) {}

    List<Run> runs() {
        return jdbc.query(
                "SELECT r.period_end, count(*) AS participants, sum(r.amount_cents) AS amount_cents,"
                        + " (SELECT message_id FROM payment_file_release f WHERE f.kind = 'REMITTANCE_RUN'"
                        + "   AND f.run_key = r.period_end::text ORDER BY released_at DESC LIMIT 1) AS message_id,"
                        + " (SELECT released_by FROM payment_file_release f WHERE f.kind = 'REMITTANCE_RUN'"
                        + "   AND f.run_key = r.period_end::text ORDER BY released_at DESC LIMIT 1) AS released_by"
                        + " FROM remittance r GROUP BY r.period_end ORDER BY r.period_end DESC LIMIT ?",
                (rs, n) -> new Run(
                        rs.getObject("period_end", LocalDate.class),
                        rs.getInt("participants"),
                        rs.getLong("amount_cents"),
                        rs.getString("message_id"),
                        rs.getString("released_by")),
                MAX_ROWS);
    }

    List<WaitingRefund> waitingRefunds() {
        return jdbc.query(
                "SELECT refund_id, debtor_id, amount_cents, value_date, booked_by FROM refund_payout"
                        + " WHERE batch_id IS NULL ORDER BY refund_id LIMIT ?",
                (rs, n) -> new WaitingRefund(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)),
                MAX_ROWS);
    }

    /** The reserve years of the participant's latest policy (domain.md §5), or 0 for an unknown participant. */
    int reserveYears(String participantId) {
        List<Integer> years = jdbc.queryForList(
                "SELECT reserve_years FROM remittance_policy WHERE participant_id = ?"
                        + " ORDER BY effective_from DESC LIMIT 1",
                Integer.class,
                participantId);
        return years.isEmpty() ? 0 : years.get(0);
    }
}
