package nl.taxledger.service.web;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.service.lookup.Directory;
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
    private final Directory directory;

    WebReads(JdbcTemplate jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * One remittance run (every participant's remittance with this period end) and its last released file, if any.
     * A run that changed after that release (a late remittance of the same week) is not released: its file
     * answers 409 until it is approved again.
     */
    record Run(
            LocalDate periodEnd,
            int participants,
            long amountCents,
            String messageId,
            String releasedBy,
            boolean changedSinceRelease) {
        public boolean released() {
            return messageId != null && !changedSinceRelease;
        }
    }

    record WaitingRefund(String refundId, String debtorId, long amountCents, LocalDate valueDate, String bookedBy) {}

    List<Run> runs() {
        return jdbc.query(
                "SELECT r.period_end, count(*) AS participants, sum(r.amount_cents) AS amount_cents,"
                        + " f.message_id, f.released_by, f.content_sha256"
                        + " FROM remittance r LEFT JOIN LATERAL (SELECT message_id, released_by, content_sha256"
                        + "   FROM payment_file_release WHERE kind = 'REMITTANCE_RUN' AND run_key = r.period_end::text"
                        + "   ORDER BY released_at DESC LIMIT 1) f ON true"
                        + " GROUP BY r.period_end, f.message_id, f.released_by, f.content_sha256"
                        + " ORDER BY r.period_end DESC LIMIT ?",
                (rs, n) -> {
                    LocalDate periodEnd = rs.getObject("period_end", LocalDate.class);
                    String approved = rs.getString("content_sha256");
                    boolean changed = approved != null
                            && !approved.equals(
                                    directory.remittanceRun(periodEnd).contentSha256());
                    return new Run(
                            periodEnd,
                            rs.getInt("participants"),
                            rs.getLong("amount_cents"),
                            rs.getString("message_id"),
                            rs.getString("released_by"),
                            changed);
                },
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
