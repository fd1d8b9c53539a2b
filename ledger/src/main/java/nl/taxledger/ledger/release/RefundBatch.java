package nl.taxledger.ledger.release;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.taxledger.ledger.api.ApproveRefunds;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.RefundsReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One refund payment file (domain.md §11): the refunds a supervisor approved together. Refunds the approver booked
 * are left out (they wait for another supervisor); a batch of nothing is refused. A batch is released once.
 */
public class RefundBatch {
    @AggregateIdentifier
    private String batchId;

    protected RefundBatch() {
        // for Axon
    }

    @CommandHandler
    public RefundBatch(ApproveRefunds command, @MetaDataValue(value = "who", required = true) String approver) {
        check(command.batchId() != null && command.bookingDate() != null, ErrorCode.VALIDATION_FAILED,
                "batchId and bookingDate are required");
        check(!approver.isBlank(), ErrorCode.VALIDATION_FAILED, "an approval has an approver");
        check(!command.refunds().isEmpty(), ErrorCode.INVALID_STATE, "no refund waits for approval");
        List<ApproveRefunds.RefundToRelease> released = command.refunds().stream()
                .filter(refund -> !approver.equals(refund.bookedBy())).toList();
        check(!released.isEmpty(), ErrorCode.SAME_PERSON,
                approver + " booked every waiting refund; another supervisor approves them");
        Set<String> seen = new HashSet<>();
        long totalCents = 0;
        for (ApproveRefunds.RefundToRelease refund : released) {
            check(seen.add(refund.refundId()), ErrorCode.VALIDATION_FAILED, "refund " + refund.refundId() + " twice");
            check(refund.amountCents() > 0, ErrorCode.VALIDATION_FAILED,
                    "refund " + refund.refundId() + " pays nothing");
            totalCents = Math.addExact(totalCents, refund.amountCents());
        }
        apply(new RefundsReleased(command.batchId(),
                released.stream().map(ApproveRefunds.RefundToRelease::refundId).toList(), totalCents,
                command.bookingDate()));
    }

    @EventSourcingHandler
    void on(RefundsReleased event) {
        batchId = event.batchId();
    }
}
