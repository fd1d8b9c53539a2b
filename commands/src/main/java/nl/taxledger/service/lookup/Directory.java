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
    java.util.List<nl.taxledger.ledger.api.ReceiptTotal> cumulativeReceipts(String participantId, java.time.LocalDate bookedThrough);

    /** Stores an IBAN in the erasable register and returns its opaque reference for events. */
    String registerCounterparty(String iban);

    /** Whether this IBAN is one of the collector's own registered bank accounts. */
    boolean bankAccountExists(String iban);

    record AssessmentRef(String assessmentId, String debtorId) {
    }

    record PaymentRef(String paymentId, String debtorId) {
        public boolean inSuspense() {
            return debtorId == null;
        }
    }
}
