package nl.taxledger.service.period;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.PeriodClosed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The closed-through date on the command side. Kept by the subscribing processor {@code command-lookups}, in
 * the transaction that appends {@link PeriodClosed}, so the command right after a close is already checked
 * against it (an asynchronous projection would let a booking slip into the period just closed).
 */
@Component
@ProcessingGroup("command-lookups")
public class ClosedPeriods {
    /**
     * Advisory lock key ("CLOSE"): a booking holds it shared from its check to its commit, a close exclusively
     * while it moves the date, so no booking checked against the old date can commit after the new one.
     */
    private static final long CLOSE_LOCK = 0x434C4F5345L;

    private final JdbcTemplate jdbc;

    ClosedPeriods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PeriodClosed event) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CLOSE_LOCK);
        int updated = jdbc.update("""
                INSERT INTO closed_period (ledger_id, closed_through, booking_date) VALUES (?, ?, ?)
                ON CONFLICT (ledger_id) DO UPDATE SET closed_through = excluded.closed_through,
                    booking_date = excluded.booking_date
                WHERE closed_period.closed_through < excluded.closed_through""", event.ledgerId(), event.through(), event.bookingDate());
        if (updated != 1) {
            // the aggregate refuses a close that goes back; seeing one here means the two disagree
            throw new IllegalStateException(
                    "period close through " + event.through() + " does not move the closed date forward");
        }
    }

    /** The last day of the closed period, if any period is closed. */
    public Optional<LocalDate> closedThrough() {
        List<LocalDate> dates = jdbc.query(
                "SELECT max(closed_through) FROM closed_period", (row, n) -> row.getObject(1, LocalDate.class));
        return dates.isEmpty() ? Optional.empty() : Optional.ofNullable(dates.get(0));
    }

    /**
     * Refuses a booking dated on or before the closed-through date. Call inside the booking's transaction, after
     * the command's aggregate locks (the lock order in {@code CommandLocks}): it holds the close lock shared until
     * the commit.
     */
    public void checkOpen(LocalDate bookingDate) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", CLOSE_LOCK);
        refuseIfClosed(bookingDate);
    }

    /**
     * The same refusal without the lock: a first look, so that a booking in a closed period is refused as such
     * before it is routed (and not with a routing error); only {@link #checkOpen} decides.
     */
    public void refuseIfClosed(LocalDate bookingDate) {
        closedThrough().ifPresent(through -> refuseIfClosed(bookingDate, through));
    }

    /**
     * The same first look on a closed-through date the caller read itself, in a query it needed anyway (the command
     * path reads it with the idempotency record, one round trip for both); {@code null}: no period closed.
     */
    public static void refuseIfClosed(LocalDate bookingDate, LocalDate closedThrough) {
        if (closedThrough != null && !bookingDate.isAfter(closedThrough)) {
            throw new LedgerRejection(
                    ErrorCode.PERIOD_CLOSED,
                    "booking date " + bookingDate + " lies in the period closed through " + closedThrough);
        }
    }
}
