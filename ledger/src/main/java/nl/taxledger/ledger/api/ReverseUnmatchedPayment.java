package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Storno of a payment still in suspense. */
public record ReverseUnmatchedPayment(@TargetAggregateIdentifier String paymentId, LocalDate valueDate, String reasonCode, LocalDate bookingDate) {
}
