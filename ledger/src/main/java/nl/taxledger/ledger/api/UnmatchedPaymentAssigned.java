package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A payment in suspense assigned to a debtor; the debtor's PaymentReceived (fromSuspense) holds its allocation.
 * Takes effect on its booking date: it names no date of its own (the value date is on the PaymentReceived).
 */
@Revision("1")
public record UnmatchedPaymentAssigned(String paymentId, String debtorId, long amountCents,
                                       LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
}
