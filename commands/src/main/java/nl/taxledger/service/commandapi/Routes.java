package nl.taxledger.service.commandapi;

import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.lookup.Directory;

/** Lookups that refuse with the codes of domain.md §8. */
final class Routes {
    private Routes() {
    }

    static String debtorOfAssessment(Directory directory, String assessmentId) {
        return directory.debtorOfAssessment(assessmentId).orElseThrow(
                () -> new LedgerRejection(ErrorCode.UNKNOWN_ASSESSMENT, "no assessment " + assessmentId));
    }

    static String knownDebtor(Directory directory, String debtorId) {
        if (!directory.debtorExists(debtorId)) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, "no debtor " + debtorId);
        }
        return debtorId;
    }

    /** A reference directs money at an assessment only if it is that debtor's payment reference. */
    static String directedAssessment(Directory directory, String debtorId, String reference) {
        if (reference == null) {
            return null;
        }
        return directory.assessmentByPaymentReference(reference)
                .filter(ref -> ref.debtorId().equals(debtorId))
                .map(Directory.AssessmentRef::assessmentId)
                .orElse(null);
    }
}
