package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.required;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ApproveParticipantIbanChange;
import nl.taxledger.ledger.api.ApproveRefunds;
import nl.taxledger.ledger.api.ApproveRemittanceRun;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RequestParticipantIbanChange;
import nl.taxledger.service.lookup.Directory;

/**
 * Four eyes on money that leaves (domain.md §11) in JSON shapes. The approver is the command's {@code who} (the
 * signed-in principal), which the aggregate compares; what
 * the approval covers (a run's content and issuers, the waiting refunds, a pending IBAN and its requester) is read
 * while routing, in the command's transaction, and travels in the command: the aggregate decides with exactly it.
 */
public final class ApprovalRequests {
    private ApprovalRequests() {
    }

    /** Release the credit-transfer file of the remittance run ending {@code periodEnd}. */
    public record ApproveRemittanceRunRequest(String commandId, String periodEnd, String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            LocalDate end = Fields.date("periodEnd", periodEnd);
            return d -> {
                Directory.RemittanceRunContent run = d.remittanceRun(end);
                return new ApproveRemittanceRun(ApproveRemittanceRun.runId(end), end, run.contentSha256(),
                        run.issuers(), booked);
            };
        }
    }

    /** Release every booked refund not yet in a batch (not those the approver booked) as one refund payment file. */
    public record ApproveRefundsRequest(String commandId, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            return d -> new ApproveRefunds(d.nextRefundBatchId(),
                    d.waitingRefunds(nl.taxledger.service.remittance.PaymentReleases.MAX_REFUNDS_PER_BATCH),
                    booked);
        }
    }

    /** Ask to pay a participant on a new IBAN; effective only after another supervisor's approval. */
    public record RequestParticipantIbanChangeRequest(String commandId, String participantId, String iban,
                                                      String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String account = Fields.iban("iban", iban);
            return Routes.onParticipant(participantId,
                    (participant, d) -> new RequestParticipantIbanChange(participant, account, booked));
        }
    }

    /** Make a participant's pending IBAN change effective. */
    public record ApproveParticipantIbanChangeRequest(String commandId, String participantId, String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String id = required("participantId", participantId);
            return d -> {
                Directory.PendingIbanChange pending = d.pendingIbanChange(Routes.knownParticipant(d, id)).orElseThrow(
                        () -> new LedgerRejection(ErrorCode.INVALID_STATE, "no IBAN change of " + id + " waits"));
                return new ApproveParticipantIbanChange(id, pending.iban(), pending.requestedBy(), booked);
            };
        }
    }
}
