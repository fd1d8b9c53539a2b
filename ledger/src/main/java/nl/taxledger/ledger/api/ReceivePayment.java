package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book money in for a known debtor; {@code directedAssessmentId} is set when the reference is an assessment's payment reference. */
public record ReceivePayment(@TargetAggregateIdentifier String debtorId, String paymentId, long amountCents, LocalDate valueDate, String directedAssessmentId, String reference, PaymentChannel channel, String counterpartyRef, LocalDate bookingDate) {
}
