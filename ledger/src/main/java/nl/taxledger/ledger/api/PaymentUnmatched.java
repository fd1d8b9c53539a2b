package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Money that matches no debtor, held in suspense (tussenrekening). */
@Revision("1")
public record PaymentUnmatched(String paymentId, long amountCents, LocalDate valueDate, String reference,
                               String channel, String counterpartyRef, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnValueDate {
}
