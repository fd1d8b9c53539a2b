package nl.taxledger.ledger.asof;

import java.util.List;
import java.util.Optional;

/** A debtor's open amounts as of a reference date: credit (negative when owed) and per assessment. */
public record DebtorPosition(String debtorId, long creditCents, List<AssessmentPosition> assessments) {

    public DebtorPosition {
        assessments = List.copyOf(assessments);
    }

    /** Open costs, interest and principal of one assessment. */
    public record AssessmentPosition(String assessmentId, long openCostsCents, long openInterestCents,
                                     long openPrincipalCents) {
    }

    public Optional<AssessmentPosition> assessment(String assessmentId) {
        return assessments.stream().filter(a -> a.assessmentId().equals(assessmentId)).findFirst();
    }
}
