package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Storno of a payment that was still in suspense. */
@Revision("1")
public record UnmatchedPaymentReversed(String paymentId, long amountCents, LocalDate valueDate, String reasonCode,
                                       LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnValueDate {
}
