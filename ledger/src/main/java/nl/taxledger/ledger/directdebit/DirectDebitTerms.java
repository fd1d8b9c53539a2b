package nl.taxledger.ledger.directdebit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.taxledger.ledger.api.CollectionCandidate;
import nl.taxledger.ledger.api.DirectDebitCollection;
import nl.taxledger.ledger.api.PrepareDirectDebitRun;
import nl.taxledger.ledger.api.SequenceType;

/**
 * The terms of a direct-debit run (domain.md §10, reglement art. 6) as a pure function: for each candidate with a
 * collection moment on the date, its open amount ÷ the number of its moments from this one to its last, inclusive,
 * rounded down to cents; at its last moment the whole open amount. Recomputed from the open amount at every run, so
 * a reduction, a payment outside the collection or a failed term spreads over the remaining moments (art. 6.5).
 */
public final class DirectDebitTerms {
    /**
     * Debtor id, then the assessment order of §4 (issue date, due date, assessment id as text): the order of the
     * transactions in a run, which numbers their EndToEndIds.
     */
    static final Comparator<CollectionCandidate> RUN_ORDER = Comparator.comparing(CollectionCandidate::debtorId)
            .thenComparing(CollectionCandidate::issueDate)
            .thenComparing(CollectionCandidate::dueDate)
            .thenComparing(CollectionCandidate::assessmentId);

    private DirectDebitTerms() {}

    /** A term: the open amount over the moments left (this one included), rounded down; the last takes it all. */
    public static long termCents(long openCents, int momentsLeft) {
        if (openCents < 0 || momentsLeft < 1) {
            throw new IllegalArgumentException("open " + openCents + " over " + momentsLeft + " moments");
        }
        return momentsLeft == 1 ? openCents : openCents / momentsLeft;
    }

    /** The transactions of the run on {@code collectionDate}, in run order, numbered from 1; a term of 0.00 is none. */
    public static List<DirectDebitCollection> plan(LocalDate collectionDate, List<CollectionCandidate> candidates) {
        List<CollectionCandidate> ordered = new ArrayList<>(candidates);
        ordered.sort(RUN_ORDER);
        Set<String> assessments = new HashSet<>();
        List<DirectDebitCollection> collections = new ArrayList<>();
        String runId = PrepareDirectDebitRun.runIdOf(collectionDate);
        for (CollectionCandidate candidate : ordered) {
            if (!assessments.add(candidate.assessmentId())) {
                throw new IllegalArgumentException("assessment " + candidate.assessmentId() + " is a candidate twice");
            }
            int moment = CollectionMoments.ofAssessment(candidate.issueDate(), candidate.termCount())
                    .indexOf(collectionDate);
            if (moment < 0 || candidate.openCents() <= 0) {
                continue;
            }
            long amountCents = termCents(candidate.openCents(), candidate.termCount() - moment);
            if (amountCents == 0) {
                continue;
            }
            collections.add(new DirectDebitCollection(
                    runId + "-" + (collections.size() + 1),
                    candidate.debtorId(),
                    candidate.mandateId(),
                    candidate.assessmentId(),
                    amountCents,
                    candidate.mandateCollectedBefore() ? SequenceType.RCUR : SequenceType.FRST,
                    moment + 1,
                    candidate.termCount()));
        }
        return List.copyOf(collections);
    }
}
