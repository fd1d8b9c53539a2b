package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a payment from suspense to a debtor, optionally directed at an assessment. */
public record AssignUnmatchedPayment(@TargetAggregateIdentifier String paymentId, String debtorId, String directedAssessmentId, LocalDate bookingDate) {
}
