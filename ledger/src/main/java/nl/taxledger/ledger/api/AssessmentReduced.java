package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Vermindering, ontheffing or vernietiging of a line. {@code openReducedCents} came off the open principal; {@code takenBack} was taken off paid principal (newest payment first) and became credit of those payments. */
@Revision("1")
public record AssessmentReduced(String debtorId, String assessmentId, String lineId, ReductionKind kind,
                                long amountCents, long openReducedCents, List<Allocation> takenBack,
                                LocalDate decisionDate, String reason, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return decisionDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.of(debtorId);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return PrincipalReceipt.takenBack(ReceiptKind.REDUCTION, takenBack);
    }
}
