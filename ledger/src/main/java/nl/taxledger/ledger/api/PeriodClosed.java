package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The books are closed through {@code through} (inclusive): bookings dated on or before it are refused
 * with {@code PERIOD_CLOSED}. Reports "as known at" a date on or after the close stay as they were,
 * because no later fact can carry a booking date inside the closed period. Takes effect on its booking date:
 * {@code through} says which days are closed, not when the closing was.
 */
@Revision("1")
public record PeriodClosed(String ledgerId, LocalDate through, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
}
