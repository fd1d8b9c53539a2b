package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Money that matches no debtor, held in suspense (tussenrekening). */
/* Revision 2 added {@code matchedBy}: SUSPENSE when a bank-statement import put it here; null otherwise. */
@Revision("2")
public record PaymentUnmatched(String paymentId, long amountCents, LocalDate valueDate, String reference,
                               String channel, String counterpartyRef, LocalDate bookingDate, MatchedBy matchedBy)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnValueDate {

    /** Without a matching rule: typed-in payments and every revision-1 event. */
    public PaymentUnmatched(String paymentId, long amountCents, LocalDate valueDate, String reference, String channel,
                            String counterpartyRef, LocalDate bookingDate) {
        this(paymentId, amountCents, valueDate, reference, channel, counterpartyRef, bookingDate, null);
    }
}
