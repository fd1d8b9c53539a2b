package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor releases every refund not yet in a batch as one refund payment file (domain.md §11, four eyes).
 * The refunds and who booked them are read while routing and travel in the command; refunds the approver booked
 * are left out of the batch (they wait for another supervisor); the approver is the command's principal ({@code who}).
 */
public record ApproveRefunds(@TargetAggregateIdentifier String batchId, List<RefundToRelease> refunds,
                             LocalDate bookingDate) {
    public ApproveRefunds {
        refunds = List.copyOf(refunds);
    }

    /** A booked refund not yet in a batch: its id, amount and the principal who booked it. */
    public record RefundToRelease(String refundId, long amountCents, String bookedBy) {
    }
}
