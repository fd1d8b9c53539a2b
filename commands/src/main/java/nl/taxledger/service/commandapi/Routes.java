package nl.taxledger.service.commandapi;

import java.time.LocalDate;
import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.routing.PaymentRouting;
import nl.taxledger.service.lookup.Directory;

/**
 * Lookups that refuse with the codes of domain.md §8. The {@code on...} helpers check the key field at once
 * (field validation) and look it up only when the command is routed.
 */
final class Routes {
    private Routes() {}

    /** Builds the command for an assessment once its debtor is known. */
    @FunctionalInterface
    interface OnAssessment {
        Object command(String debtorId, String assessmentId);
    }

    /** Builds the command for a debtor the ledger holds. */
    @FunctionalInterface
    interface OnDebtor {
        Object command(String debtorId, Directory directory);
    }

    /** Builds the command for a participant the ledger holds. */
    @FunctionalInterface
    interface OnParticipant {
        Object command(String participantId, Directory directory);
    }

    /** Builds the command for an item (a cost or interest charge) of an assessment, with one more checked field. */
    @FunctionalInterface
    interface OnItem<T> {
        Object command(String debtorId, String assessmentId, String itemId, T checked);
    }

    /** {@code checked} is a field already validated by the caller (arguments are evaluated before this runs). */
    static <T> Routed onItem(String assessmentId, String itemField, String itemId, T checked, OnItem<T> build) {
        String item = Fields.required(itemField, itemId);
        return onAssessment(assessmentId, (debtor, id) -> build.command(debtor, id, item, checked));
    }

    /** An amount decided on one line of an assessment (reduction, write-off, reinstatement), its fields valid. */
    record LineDecision(String lineId, long cents, LocalDate decided) {}

    /** Builds the command for a decision on an assessment line once the assessment's debtor is known. */
    @FunctionalInterface
    interface OnLine {
        Object command(String debtorId, String assessmentId, LineDecision decision);
    }

    static Routed onLine(String assessmentId, String lineId, String amount, String decisionDate, OnLine build) {
        LineDecision decision = new LineDecision(
                Fields.required("lineId", lineId),
                Fields.positiveCents("amount", amount),
                Fields.date("decisionDate", decisionDate));
        return onAssessment(assessmentId, (debtor, id) -> build.command(debtor, id, decision));
    }

    static Routed onAssessment(String assessmentId, OnAssessment build) {
        String id = Fields.required("assessmentId", assessmentId);
        return directory -> build.command(debtorOfAssessment(directory, id), id);
    }

    static Routed onDebtor(String debtorId, OnDebtor build) {
        String id = Fields.required("debtorId", debtorId);
        return directory -> build.command(knownDebtor(directory, id), directory);
    }

    /** A command on a participant the ledger holds: the id is a required field, its existence checked in routing. */
    static Routed onParticipant(String participantId, OnParticipant build) {
        String id = Fields.required("participantId", participantId);
        return directory -> build.command(knownParticipant(directory, id), directory);
    }

    static String debtorOfAssessment(Directory directory, String assessmentId) {
        return directory
                .debtorOfAssessment(assessmentId)
                .orElseThrow(() -> new LedgerRejection(ErrorCode.UNKNOWN_ASSESSMENT, "no assessment " + assessmentId));
    }

    /** An assessment named together with a debtor must be that debtor's. */
    static void ofDebtor(Directory directory, String assessmentId, String debtorId) {
        ofDebtor(directory, assessmentId, debtorId, null);
    }

    /** As above, the refusal naming {@code field} (an arrangement's {@code assessmentIds[1]}). */
    static void ofDebtor(Directory directory, String assessmentId, String debtorId, String field) {
        Optional<String> owner = directory.debtorOfAssessment(assessmentId);
        if (owner.isEmpty() || !owner.get().equals(debtorId)) {
            throw new LedgerRejection(
                    ErrorCode.UNKNOWN_ASSESSMENT,
                    field,
                    owner.isPresent()
                            ? "assessment " + assessmentId + " is another's"
                            : "no assessment " + assessmentId);
        }
    }

    static String knownDebtor(Directory directory, String debtorId) {
        if (!directory.debtorExists(debtorId)) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, "no debtor " + debtorId);
        }
        return debtorId;
    }

    static String knownParticipant(Directory directory, String participantId) {
        if (!directory.participantExists(participantId)) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        }
        return participantId;
    }

    /** The lookup tables as the ledger's payment routing reads them. */
    static PaymentRouting.Lookups lookups(Directory directory) {
        return new PaymentRouting.Lookups() {
            @Override
            public Optional<PaymentRouting.AssessmentOfDebtor> assessmentByPaymentReference(String reference) {
                return directory
                        .assessmentByPaymentReference(reference)
                        .map(ref -> new PaymentRouting.AssessmentOfDebtor(ref.assessmentId(), ref.debtorId()));
            }

            @Override
            public boolean debtorExists(String debtorId) {
                return directory.debtorExists(debtorId);
            }
        };
    }

    /** The assessment a reference directs money on a known debtor at, {@code null} when undirected. */
    static String directedAssessment(Directory directory, String debtorId, String reference) {
        return PaymentRouting.directedAssessment(PaymentRouting.onDebtor(debtorId, reference, lookups(directory)));
    }
}
