package nl.taxledger.service.commandapi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.taxledger.ledger.api.ApproveRefunds;
import nl.taxledger.ledger.api.CollectionCandidate;
import nl.taxledger.ledger.api.ReceiptTotal;
import nl.taxledger.service.lookup.Directory;

/**
 * The directory one routing round sees: reads pass through; a registered counterparty gets its reference at once
 * but its row is written only when the round's route is final ({@link #keep}), and never when the route named
 * aggregates not yet locked and is decided again ({@link #discard}). A reference is random and stored nowhere
 * else yet, so no read of the round can tell the difference; writing late is what lets a routing round go
 * without a savepoint (the SAVEPOINT, its ROLLBACK TO or RELEASE, and the undone insert: round trips on nearly
 * every payment, BENCHMARKS.md, issue 14).
 */
final class RoutingRound implements Directory {
    private final Directory directory;
    /** Reference to IBAN, in the order the route registered them. */
    private final Map<String, String> counterparties = new LinkedHashMap<>();

    RoutingRound(Directory directory) {
        this.directory = directory;
    }

    /** The route is final: its counterparties are stored, in the command's transaction, before it is sent. */
    void keep() {
        counterparties.forEach(directory::storeCounterparty);
        counterparties.clear();
    }

    /** The route is decided again: nothing of this round is stored. */
    void discard() {
        counterparties.clear();
    }

    @Override
    public void storeCounterparty(String accountRef, String iban) {
        counterparties.put(accountRef, iban);
    }

    @Override
    public boolean participantExists(String participantId) {
        return directory.participantExists(participantId);
    }

    @Override
    public boolean debtorExists(String debtorId) {
        return directory.debtorExists(debtorId);
    }

    @Override
    public Optional<String> debtorOfAssessment(String assessmentId) {
        return directory.debtorOfAssessment(assessmentId);
    }

    @Override
    public Optional<AssessmentRef> assessmentByPaymentReference(String paymentReference) {
        return directory.assessmentByPaymentReference(paymentReference);
    }

    @Override
    public boolean assessmentOrReferenceTaken(String assessmentId, String paymentReference) {
        return directory.assessmentOrReferenceTaken(assessmentId, paymentReference);
    }

    @Override
    public Optional<PaymentRef> payment(String paymentId) {
        return directory.payment(paymentId);
    }

    @Override
    public List<ReceiptTotal> cumulativeReceipts(String participantId, LocalDate bookedThrough) {
        return directory.cumulativeReceipts(participantId, bookedThrough);
    }

    @Override
    public RemittanceRunContent remittanceRun(LocalDate periodEnd) {
        return directory.remittanceRun(periodEnd);
    }

    @Override
    public Optional<PendingIbanChange> pendingIbanChange(String participantId) {
        return directory.pendingIbanChange(participantId);
    }

    @Override
    public List<ApproveRefunds.RefundToRelease> waitingRefunds(int max) {
        return directory.waitingRefunds(max);
    }

    @Override
    public String nextRefundBatchId() {
        return directory.nextRefundBatchId();
    }

    @Override
    public List<CollectionCandidate> directDebitCandidates(LocalDate collectionDate) {
        return directory.directDebitCandidates(collectionDate);
    }

    @Override
    public boolean bankAccountExists(String iban) {
        return directory.bankAccountExists(iban);
    }

    @Override
    public Optional<RunCollection> runCollection(String endToEndId) {
        return directory.runCollection(endToEndId);
    }
}
