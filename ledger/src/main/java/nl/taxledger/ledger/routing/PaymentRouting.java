package nl.taxledger.ledger.routing;

import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;

/**
 * Where money goes before it is allocated (domain.md §3): to one assessment of a debtor (directed: the reference is
 * that debtor's payment reference), to a debtor (undirected: oldest first), or into suspense when no debtor can be
 * found. A reference names a debtor when it is an assessment's payment reference or the debtor's own id (subject
 * number). The caller supplies the lookup tables; the rule is here, once.
 */
public final class PaymentRouting {
    private PaymentRouting() {
    }

    /** What routing reads of the ledger: assessments by payment reference and which debtors exist. */
    public interface Lookups {
        /** The assessment whose payment reference this is, if any. */
        Optional<AssessmentOfDebtor> assessmentByPaymentReference(String paymentReference);

        boolean debtorExists(String debtorId);
    }

    public record AssessmentOfDebtor(String assessmentId, String debtorId) {
    }

    /** The decision: {@link Directed}, {@link Undirected} or {@link Suspense}. */
    public sealed interface Route {
    }

    /** On the debtor's account, to the one assessment the reference names. */
    public record Directed(String debtorId, String assessmentId) implements Route {
    }

    /** On the debtor's account, allocated over its open assessments. */
    public record Undirected(String debtorId) implements Route {
    }

    /** No debtor found: held in suspense until someone assigns it. */
    public record Suspense() implements Route {
    }

    /**
     * A received payment. {@code debtorId} (optional) is the debtor the sender names, which must exist;
     * {@code reference} (optional) is the payment's reference.
     */
    public static Route payment(String debtorId, String reference, Lookups lookups) {
        if (debtorId != null) {
            return onDebtor(knownDebtor(debtorId, lookups), reference, lookups);
        }
        if (reference == null) {
            return new Suspense();
        }
        Optional<String> named = lookups.assessmentByPaymentReference(reference).map(AssessmentOfDebtor::debtorId)
                .or(() -> lookups.debtorExists(reference) ? Optional.of(reference) : Optional.empty());
        return named.<Route>map(debtor -> onDebtor(debtor, reference, lookups)).orElseGet(Suspense::new);
    }

    /**
     * Money put on a known debtor's account (a payment assigned from suspense, a credit set off): directed if the
     * reference is one of this debtor's payment references, otherwise undirected.
     */
    public static Route onDebtor(String debtorId, String reference, Lookups lookups) {
        if (reference == null) {
            return new Undirected(debtorId);
        }
        return lookups.assessmentByPaymentReference(reference)
                .filter(assessment -> assessment.debtorId().equals(debtorId))
                .<Route>map(assessment -> new Directed(debtorId, assessment.assessmentId()))
                .orElseGet(() -> new Undirected(debtorId));
    }

    /** The directed assessment of a route on a debtor, {@code null} when undirected. */
    public static String directedAssessment(Route route) {
        return route instanceof Directed directed ? directed.assessmentId() : null;
    }

    /** The debtor a route books on, {@code null} for suspense. */
    public static String debtor(Route route) {
        if (route instanceof Directed directed) {
            return directed.debtorId();
        }
        return route instanceof Undirected undirected ? undirected.debtorId() : null;
    }

    private static String knownDebtor(String debtorId, Lookups lookups) {
        if (!lookups.debtorExists(debtorId)) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, "no debtor " + debtorId);
        }
        return debtorId;
    }
}
