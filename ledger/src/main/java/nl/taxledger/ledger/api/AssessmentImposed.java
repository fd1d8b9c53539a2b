package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Aanslag opgelegd: an assessment with its lines, possibly of several participants (combibiljet). Revision 2
 * added {@code kind} and {@code belongsToAssessmentId} (the assessment a bestuurlijke boete belongs to); a fact
 * of revision 1 has neither and reads back as an {@link AssessmentKind#AANSLAG}.
 */
@Revision("2")
public record AssessmentImposed(String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate,
                                String paymentReference, List<LineSpec> lines, LocalDate bookingDate,
                                AssessmentKind kind, String belongsToAssessmentId)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {
    public AssessmentImposed {
        kind = kind == null ? AssessmentKind.AANSLAG : kind;
    }

    /** A tax assessment (aanslag). */
    public AssessmentImposed(String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate,
                             String paymentReference, List<LineSpec> lines, LocalDate bookingDate) {
        this(debtorId, assessmentId, issueDate, dueDate, paymentReference, lines, bookingDate, AssessmentKind.AANSLAG,
                null);
    }

    @Override
    public LocalDate effectiveDate() {
        return issueDate;
    }
}
