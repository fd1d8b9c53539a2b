package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A supervisor approved these refunds (none booked by that supervisor) as one refund payment file, batch
 * {@code batchId} (domain.md §11). The money left the debtor's account with {@code RefundPaid}; this fact only
 * releases the payment, so it books nothing. Who approved is the fact's principal ({@code who}).
 */
@Revision("1")
public record RefundsReleased(String batchId, List<String> refundIds, long totalCents, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
    // an approval step: no debtor, no money of its own; it takes effect on the day it is booked
}
