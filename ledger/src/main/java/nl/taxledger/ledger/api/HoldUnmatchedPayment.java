package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book money that matches no debtor into suspense. */
public record HoldUnmatchedPayment(@TargetAggregateIdentifier String paymentId, long amountCents, LocalDate valueDate, String reference, PaymentChannel channel, String counterpartyRef, LocalDate bookingDate, MatchedBy matchedBy) {
    /** A payment that no bank-statement rule decided (typed in, or from the NDJSON import). */
    public HoldUnmatchedPayment(String paymentId, long amountCents, LocalDate valueDate, String reference,
                                PaymentChannel channel, String counterpartyRef, LocalDate bookingDate) {
        this(paymentId, amountCents, valueDate, reference, channel, counterpartyRef, bookingDate, null);
    }
}
