package nl.taxledger.service.remittance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.RemittanceLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the issued remittances and the participant position from the command-side remittance tables. They are
 * written in the transaction of the events, so a remittance is readable the moment IssueRemittance returns:
 * the statement and pain.001 of a run never miss a just-issued participant, and nothing is recomputed here.
 */
@Component
public class RemittanceQuery {
    /** A run never has more participants than this; a bigger one means a wrong query, not a big collector. */
    static final int MAX_ROWS = 10_000;

    private final JdbcTemplate jdbc;

    RemittanceQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The frozen figures of one RemittanceIssued. */
    public record Remittance(
            String participantId,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<RemittanceLine> lines,
            long receiptsCents,
            long reserveWithheldCents,
            long reserveReleasedCents,
            long carriedForwardInCents,
            long amountCents,
            long carriedForwardOutCents,
            LocalDate bookingDate) {}

    public record ParticipantAccount(String participantId, String name, String iban, LocalDate registeredOn) {}

    /**
     * receipts = remitted + reserve held + not yet remitted − carried forward (domain.md §6), all booked up to
     * {@code bookedThrough}; {@code notYetRemittedCents} is what no issued remittance covered.
     */
    public record Position(
            String participantId,
            LocalDate bookedThrough,
            long receiptsCents,
            long remittedCents,
            long reserveHeldCents,
            long notYetRemittedCents,
            long carriedForwardCents) {}

    public Optional<ParticipantAccount> participant(String participantId) {
        return jdbc
                .query(
                        "SELECT participant_id, name, iban, registered_on FROM remittance_participant WHERE participant_id = ?",
                        (rs, row) -> new ParticipantAccount(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                        participantId)
                .stream()
                .findFirst();
    }

    public List<ParticipantAccount> participants() {
        return jdbc.query(
                "SELECT participant_id, name, iban, registered_on FROM remittance_participant ORDER BY participant_id LIMIT ?",
                (rs, row) -> new ParticipantAccount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                MAX_ROWS);
    }

    public List<Remittance> ofParticipant(String participantId) {
        return remittances("WHERE participant_id = ? ORDER BY period_end", participantId);
    }

    /** The ledger chain's head printed on a remittance's statement: position and hash, or empty (issued before V71). */
    record ChainAnchor(long position, String hash) {}

    Optional<ChainAnchor> chainAtIssue(String participantId, LocalDate periodEnd) {
        return jdbc
                .query(
                        "SELECT chain_position, chain_hash FROM remittance WHERE participant_id = ? AND period_end = ?"
                                + " AND chain_position IS NOT NULL",
                        (row, n) -> new ChainAnchor(row.getLong(1), row.getString(2)),
                        participantId,
                        periodEnd)
                .stream()
                .findFirst();
    }

    public Optional<Remittance> find(String participantId, LocalDate periodEnd) {
        return remittances("WHERE participant_id = ? AND period_end = ?", participantId, periodEnd).stream()
                .findFirst();
    }

    /** Every participant's remittance for the period ending {@code periodEnd}: one run. */
    public List<Remittance> run(LocalDate periodEnd) {
        return remittances("WHERE period_end = ? ORDER BY participant_id", periodEnd);
    }

    /** The last remittance's period end, if any. */
    public Optional<LocalDate> lastPeriodEnd(String participantId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(period_end) FROM remittance WHERE participant_id = ?", LocalDate.class, participantId));
    }

    /** Receipts per tax type and year booked in [from, through]. */
    public List<nl.taxledger.ledger.api.ReceiptTotal> receipts(
            String participantId, LocalDate from, LocalDate through) {
        return jdbc.query(
                "SELECT tax_type, tax_year, sum(amount_cents) FROM remittance_receipt WHERE participant_id = ? "
                        + "AND booking_date BETWEEN ? AND ? GROUP BY tax_type, tax_year ORDER BY tax_year, tax_type",
                (rs, row) -> new nl.taxledger.ledger.api.ReceiptTotal(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                participantId,
                from,
                through);
    }

    public Position position(String participantId, LocalDate bookedThrough) {
        long receipts = sum(
                "SELECT coalesce(sum(amount_cents), 0) FROM remittance_receipt WHERE participant_id = ? AND booking_date <= ?",
                participantId,
                bookedThrough);
        long covered = sum(
                "SELECT coalesce(sum(l.receipts_cents), 0) FROM remittance_line l WHERE l.participant_id = ? AND l.period_end "
                        + "IN (SELECT period_end FROM remittance WHERE participant_id = l.participant_id AND booking_date <= ?)",
                participantId,
                bookedThrough);
        long remitted = sum(
                "SELECT coalesce(sum(amount_cents), 0) FROM remittance WHERE participant_id = ? AND booking_date <= ?",
                participantId,
                bookedThrough);
        Optional<Remittance> last = remittances(
                        "WHERE participant_id = ? AND booking_date <= ? ORDER BY period_end DESC LIMIT 1",
                        participantId,
                        bookedThrough)
                .stream()
                .findFirst();
        long carried = last.map(Remittance::carriedForwardOutCents).orElse(0L);
        long held = sum(
                "SELECT coalesce(sum(DISTINCT_HELD.h), 0) FROM (SELECT DISTINCT ON (tax_type, tax_year) reserve_held_after_cents AS h "
                        + "FROM remittance_line WHERE participant_id = ? AND period_end <= ? ORDER BY tax_type, tax_year, period_end DESC) DISTINCT_HELD",
                participantId,
                last.map(Remittance::periodEnd).orElse(LocalDate.of(1900, 1, 1)));
        return new Position(participantId, bookedThrough, receipts, remitted, held, receipts - covered, carried);
    }

    private long sum(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private List<Remittance> remittances(String where, Object... args) {
        List<Remittance> headers = jdbc.query(
                "SELECT participant_id, period_start, period_end, receipts_cents, reserve_withheld_cents, "
                        + "reserve_released_cents, carried_forward_in_cents, amount_cents, carried_forward_out_cents, booking_date "
                        + "FROM remittance " + where,
                (rs, row) -> new Remittance(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        List.of(),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getObject(10, LocalDate.class)),
                args);
        if (headers.size() > MAX_ROWS) {
            throw new IllegalStateException("more than " + MAX_ROWS + " remittances in one answer");
        }
        List<Remittance> full = new ArrayList<>(headers.size());
        for (Remittance r : headers) {
            full.add(new Remittance(
                    r.participantId(),
                    r.periodStart(),
                    r.periodEnd(),
                    lines(r.participantId(), r.periodEnd()),
                    r.receiptsCents(),
                    r.reserveWithheldCents(),
                    r.reserveReleasedCents(),
                    r.carriedForwardInCents(),
                    r.amountCents(),
                    r.carriedForwardOutCents(),
                    r.bookingDate()));
        }
        return full;
    }

    private List<RemittanceLine> lines(String participantId, LocalDate periodEnd) {
        return jdbc.query(
                "SELECT tax_type, tax_year, receipts_cents, reserve_held_before_cents, reserve_held_after_cents, "
                        + "reserve_withheld_cents, reserve_released_cents FROM remittance_line WHERE participant_id = ? AND period_end = ? "
                        + "ORDER BY tax_year, tax_type",
                (rs, row) -> new RemittanceLine(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)),
                participantId,
                periodEnd);
    }
}
