package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Aanslag opgelegd: an assessment with its lines, possibly of several participants (combibiljet). */
@Revision("1")
public record AssessmentImposed(String debtorId, String assessmentId, LocalDate issueDate, LocalDate dueDate,
                                String paymentReference, List<LineSpec> lines,
                                LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return issueDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.of(debtorId);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
