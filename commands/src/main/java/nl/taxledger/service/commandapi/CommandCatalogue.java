package nl.taxledger.service.commandapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one list of commands. Each line names a request shape and says what the command does; the type name (the
 * REST path {@code POST /api/commands/{type}} and the {@code type} field of an NDJSON import line) is the shape's
 * name without {@code Request}. The REST endpoint, the batch import and the OpenAPI document all read this list,
 * so adding a command is: one request record, one handler, one line here. Every field of a listed shape must have
 * its bound in {@link FieldBounds} (checked when this class loads, so the service does not start otherwise).
 */
public final class CommandCatalogue {
    private static final String SUFFIX = "Request";

    /** One command: its type name, its JSON shape and what it does. */
    public record Entry(String type, Class<? extends LedgerRequest> shape, String description) {}

    private static final List<Entry> ENTRIES = List.of(
            entry(Requests.RegisterParticipantRequest.class, "Register a participant with its remittance policy"),
            entry(Requests.ClosePeriodRequest.class, "Close the books through a date"),
            entry(Requests.ImposeAssessmentRequest.class, "Impose an assessment with its lines on a debtor"),
            entry(Requests.ChargeCostsRequest.class, "Charge collection costs on an assessment"),
            entry(Requests.CancelCostsRequest.class, "Cancel a charged cost item"),
            entry(Requests.ChargeInterestRequest.class, "Charge interest on an assessment"),
            entry(Requests.CancelInterestRequest.class, "Cancel a charged interest item"),
            entry(Requests.ReceivePaymentRequest.class, "Book a received payment: directed, undirected or suspense"),
            entry(Requests.AssignUnmatchedPaymentRequest.class, "Assign a payment held in suspense to a debtor"),
            entry(Requests.ReversePaymentRequest.class, "Reverse (storno) a booked payment"),
            entry(Requests.ReduceAssessmentRequest.class, "Reduce an assessment line (objection, annulment)"),
            entry(Requests.GrantRemissionRequest.class, "Grant remission (kwijtschelding) on an assessment"),
            entry(Requests.WriteOffUncollectibleRequest.class, "Write off part of a line as uncollectible"),
            entry(Requests.ReinstateUncollectibleRequest.class, "Reinstate an amount written off as uncollectible"),
            entry(Requests.OffsetCreditRequest.class, "Set a debtor's credit off against its open assessments"),
            entry(Requests.PayRefundRequest.class, "Pay a debtor's credit back"),
            entry(Requests.GrantDeferralRequest.class, "Grant a deferral of collection (uitstel)"),
            entry(Requests.EndDeferralRequest.class, "End a deferral"),
            entry(Requests.AgreePaymentArrangementRequest.class, "Agree a payment arrangement in terms"),
            entry(Requests.RecordArrangementTermMissedRequest.class, "Record a missed term of a payment arrangement"),
            entry(Requests.EndPaymentArrangementRequest.class, "End a payment arrangement"),
            entry(Requests.RegisterDirectDebitMandateRequest.class, "Register a direct-debit mandate"),
            entry(Requests.RecordDirectDebitFailureRequest.class, "Record a failed direct-debit collection"),
            entry(Requests.EndDirectDebitMandateRequest.class, "End a direct-debit mandate"),
            entry(
                    DirectDebitRequests.PrepareDirectDebitRunRequest.class,
                    "Prepare the direct-debit run of a collection moment (its terms frozen, once per date)"),
            entry(RemittanceRequests.IssueRemittanceRequest.class, "Issue a participant's remittance for a period"),
            entry(RemittanceRequests.ChangeRemittancePolicyRequest.class, "Change a participant's remittance policy"),
            entry(BankRequests.RegisterBankAccountRequest.class, "Register one of the collector's own bank accounts"),
            entry(
                    ApprovalRequests.ApproveRemittanceRunRequest.class,
                    "Approve a remittance run's credit-transfer file (a supervisor who issued none of it)"),
            entry(
                    ApprovalRequests.ApproveRefundsRequest.class,
                    "Release the waiting refunds as one refund payment file (not those the approver booked)"),
            entry(
                    ApprovalRequests.RequestParticipantIbanChangeRequest.class,
                    "Request a change of a participant's IBAN (effective once another supervisor approves)"),
            entry(
                    ApprovalRequests.ApproveParticipantIbanChangeRequest.class,
                    "Approve a participant's pending IBAN change (not the requester)"));

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));

    private CommandCatalogue() {}

    /** Every command, in the catalogue's order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    private static Entry entry(Class<? extends LedgerRequest> shape, String description) {
        String name = shape.getSimpleName();
        if (!name.endsWith(SUFFIX)) {
            throw new IllegalStateException(name + " does not end with " + SUFFIX);
        }
        if (!shape.isRecord()) {
            throw new IllegalStateException(name + " is not a record");
        }
        List<String> unbounded = FieldBounds.unbounded(shape.asSubclass(Record.class));
        if (!unbounded.isEmpty()) {
            throw new IllegalStateException(
                    name + ": fields without a bound of domain.md §12 (add them to" + " FieldBounds): " + unbounded);
        }
        return new Entry(name.substring(0, name.length() - SUFFIX.length()), shape, description);
    }
}
