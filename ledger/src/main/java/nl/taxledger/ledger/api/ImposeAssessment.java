package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Impose an assessment on a debtor; the first assessment opens the debtor's account. */
public record ImposeAssessment(@TargetAggregateIdentifier String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate, String paymentReference, List<LineSpec> lines, LocalDate bookingDate) {
}
