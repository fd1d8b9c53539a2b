package nl.taxledger.service.lookup;

import java.util.Optional;

/**
 * What the command side must know before it can route a command: the lookup tables kept in
 * the same transaction as the events (subscribing processor {@code command-lookups}).
 */
public interface Directory {
    boolean participantExists(String participantId);

    boolean debtorExists(String debtorId);

    Optional<String> debtorOfAssessment(String assessmentId);

    /** The assessment whose payment reference (betalingskenmerk) this is. */
    Optional<AssessmentRef> assessmentByPaymentReference(String paymentReference);

    /**
     * Whether an assessment with this id or this payment reference exists: one round trip for the common case
     * of a new assessment; the caller asks which of the two only when one is.
     */
    boolean assessmentOrReferenceTaken(String assessmentId, String paymentReference);

    /** Where a payment is booked: on a debtor, or in suspense ({@code debtorId == null}). */
    Optional<PaymentRef> payment(String paymentId);

    /**
     * A participant's receipts per tax type and tax year booked up to and including {@code bookedThrough}
     * (remittance table {@code remittance_receipt}, kept in the same transaction as the events).
     */
    java.util.List<nl.taxledger.ledger.api.ReceiptTotal> cumulativeReceipts(
            String participantId, java.time.LocalDate bookedThrough);

    /**
     * What an approval of the remittance run ending {@code periodEnd} covers (domain.md §11): a fingerprint of the
     * remittances the run pays (participant, amount, remittance fact) and who issued them. No paying remittance:
     * a {@code null} fingerprint and no issuers.
     */
    RemittanceRunContent remittanceRun(java.time.LocalDate periodEnd);

    /** A participant's requested IBAN change that waits for approval, and who requested it. */
    Optional<PendingIbanChange> pendingIbanChange(String participantId);

    /** Booked refunds in no batch yet whose IBAN is still in the register, at most {@code max}, by refund id. */
    java.util.List<nl.taxledger.ledger.api.ApproveRefunds.RefundToRelease> waitingRefunds(int max);

    /** The id the next refund batch gets ({@code RB-1}, {@code RB-2}, …). */
    String nextRefundBatchId();

    /**
     * The assessments with an open amount under a mandate active on {@code collectionDate} (started on or before it,
     * not ended on or before it), with the term count of their tax year: what a direct-debit run decides its terms
     * from (domain.md §10), read in the command's transaction.
     */
    java.util.List<nl.taxledger.ledger.api.CollectionCandidate> directDebitCandidates(
            java.time.LocalDate collectionDate);

    /**
     * The transaction of an issued direct-debit run with this EndToEndId (dd_collection, kept in the transaction of
     * the run's fact): its mandate and collection date, what a rule-1 payment settled and three strikes counts
     * (domain.md §10). Empty for an EndToEndId that is not ours.
     */
    java.util.Optional<RunCollection> runCollection(String endToEndId);

    /** One transaction of a run: under which mandate, on which date, for which assessment, which term of how many. */
    record RunCollection(
            String mandateId, java.time.LocalDate collectionDate, String assessmentId, int termNumber, int termCount) {
        public nl.taxledger.ledger.api.CollectionRef ref() {
            return new nl.taxledger.ledger.api.CollectionRef(mandateId, collectionDate);
        }
    }

    /** Stores an IBAN in the erasable register and returns its opaque reference for events. */
    default String registerCounterparty(String iban) {
        String ref = newAccountRef();
        storeCounterparty(ref, iban);
        return ref;
    }

    /** Random, not derived from the IBAN: after erasure nothing in the events points back to it. */
    static String newAccountRef() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Stores an IBAN in the erasable register under a reference the caller drew (random, as registerCounterparty). */
    void storeCounterparty(String accountRef, String iban);

    /** Whether this IBAN is one of the collector's own registered bank accounts. */
    boolean bankAccountExists(String iban);

    record PendingIbanChange(String iban, String requestedBy) {}

    record RemittanceRunContent(String contentSha256, java.util.Set<String> issuers) {
        public RemittanceRunContent {
            issuers = java.util.Set.copyOf(issuers);
        }

        public boolean paysAnything() {
            return contentSha256 != null;
        }
    }

    record AssessmentRef(String assessmentId, String debtorId) {}

    record PaymentRef(String paymentId, String debtorId) {
        public boolean inSuspense() {
            return debtorId == null;
        }
    }
}
