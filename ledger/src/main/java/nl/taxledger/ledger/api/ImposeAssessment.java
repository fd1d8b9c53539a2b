package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Impose an assessment on a debtor; the first assessment opens the debtor's account. A {@code kind} of null is
 * an {@link AssessmentKind#AANSLAG}; a {@link AssessmentKind#BESTUURLIJKE_BOETE} names the assessment it belongs
 * to in {@code belongsToAssessmentId}.
 */
public record ImposeAssessment(@TargetAggregateIdentifier String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate, String paymentReference, List<LineSpec> lines, LocalDate bookingDate,
                               AssessmentKind kind, String belongsToAssessmentId) {
    public ImposeAssessment {
        kind = kind == null ? AssessmentKind.AANSLAG : kind;
    }

    /** A tax assessment (aanslag). */
    public ImposeAssessment(String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate,
                            String paymentReference, List<LineSpec> lines, LocalDate bookingDate) {
        this(debtorId, assessmentId, issueDate, dueDate, paymentReference, lines, bookingDate, AssessmentKind.AANSLAG,
                null);
    }
}
