package nl.taxledger.ledger.release;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.taxledger.ledger.api.ApproveRemittanceRun;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The approvals of one remittance run (all remittances with one period end), domain.md §11: a supervisor who issued
 * none of the run's remittances approves its content; approving content already approved changes nothing (the
 * same file, the same message id), approving changed content is a new release.
 */
public class RemittanceRunRelease {
    @AggregateIdentifier
    private String runId;
    private RemittanceRunApproved lastApproval;

    protected RemittanceRunRelease() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RemittanceRunApproved handle(ApproveRemittanceRun command,
                                        @MetaDataValue(value = "who", required = true) String approver) {
        check(command.periodEnd() != null && command.bookingDate() != null, ErrorCode.VALIDATION_FAILED,
                "periodEnd and bookingDate are required");
        check(ApproveRemittanceRun.runId(command.periodEnd()).equals(command.runId()), ErrorCode.VALIDATION_FAILED,
                "run id " + command.runId() + " is not the run of " + command.periodEnd());
        check(command.contentSha256() != null && !command.issuers().isEmpty(), ErrorCode.INVALID_STATE,
                "no remittance with period end " + command.periodEnd() + " to approve");
        check(!approver.isBlank(), ErrorCode.VALIDATION_FAILED, "an approval has an approver");
        check(!command.issuers().contains(approver), ErrorCode.SAME_PERSON,
                approver + " issued remittances of this run; another supervisor approves it");
        if (lastApproval != null && lastApproval.contentSha256().equals(command.contentSha256())) {
            // already released with exactly this content: no second file under a second message id
            return lastApproval;
        }
        int releaseNumber = lastApproval == null ? 1 : lastApproval.releaseNumber() + 1;
        RemittanceRunApproved event = new RemittanceRunApproved(command.runId(), command.periodEnd(),
                command.contentSha256(), releaseNumber, command.bookingDate());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(RemittanceRunApproved event) {
        runId = event.runId();
        lastApproval = event;
    }
}
