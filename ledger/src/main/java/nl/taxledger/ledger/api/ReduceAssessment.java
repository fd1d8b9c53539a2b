package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reduce a line (vermindering, ontheffing, vernietiging). */
public record ReduceAssessment(@TargetAggregateIdentifier String debtorId, String assessmentId, String lineId, ReductionKind kind, long amountCents, LocalDate decisionDate, String reason, LocalDate bookingDate) {
}
