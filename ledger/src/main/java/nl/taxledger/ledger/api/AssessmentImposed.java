package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Aanslag opgelegd: an assessment with its lines, possibly of several participants (combibiljet). */
@Revision("1")
public record AssessmentImposed(String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate, String paymentReference, List<LineSpec> lines, LocalDate bookingDate) {
}
