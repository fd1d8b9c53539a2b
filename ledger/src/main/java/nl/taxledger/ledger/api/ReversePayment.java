package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Storno of a payment booked on a debtor. */
public record ReversePayment(@TargetAggregateIdentifier String debtorId, String paymentId, LocalDate valueDate, String reasonCode, LocalDate bookingDate) {
}
