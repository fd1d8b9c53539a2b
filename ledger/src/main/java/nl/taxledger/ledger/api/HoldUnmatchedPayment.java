package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book money that matches no debtor into suspense. */
public record HoldUnmatchedPayment(@TargetAggregateIdentifier String paymentId, long amountCents, LocalDate valueDate, String reference, PaymentChannel channel, String counterpartyRef, LocalDate bookingDate) {
}
