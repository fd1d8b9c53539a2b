package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Vermindering, ontheffing or vernietiging of a line. {@code openReducedCents} came off the open principal; {@code takenBack} was taken off paid principal (newest payment first) and became credit of those payments. */
@Revision("1")
public record AssessmentReduced(String debtorId, String assessmentId, String lineId, ReductionKind kind,
                                long amountCents, long openReducedCents, List<Allocation> takenBack,
                                LocalDate decisionDate, String reason, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, EffectiveOnDecisionDate {

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return PrincipalReceipt.takenBack(ReceiptKind.REDUCTION, takenBack);
    }
}
