package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.oneOf;
import static nl.taxledger.service.commandapi.Fields.required;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ChangeRemittancePolicy;
import nl.taxledger.ledger.api.IssueRemittance;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.remittance.RemittancePolicy;

/** The remittance commands (domain.md §5) in their JSON shapes. */
public final class RemittanceRequests {
    private RemittanceRequests() {
    }

    /**
     * Issue a participant's remittance. The cumulative receipts booked up to the period end are read while
     * routing, in the command's transaction, and travel in the command: the aggregate decides with exactly them.
     */
    public record IssueRemittanceRequest(String commandId, String participantId, String periodEnd,
                                         String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            LocalDate end = Fields.date("periodEnd", periodEnd);
            return Routes.onParticipant(participantId, (participant, d) ->
                    new IssueRemittance(participant, end, d.cumulativeReceipts(participant, end), booked));
        }
    }

    /** Change a participant's schedule, reserve rate and years from the period ending on {@code effectiveFrom}. */
    public record ChangeRemittancePolicyRequest(String commandId, String participantId, String schedule,
                                                String reserveRate, Integer reserveYears, String effectiveFrom,
                                                String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String id = required("participantId", participantId);
            RemittancePolicy policy = new RemittancePolicy(oneOf("schedule", RemittanceSchedule.class, schedule),
                    Fields.rate("reserveRate", reserveRate), required("reserveYears", reserveYears));
            LocalDate from = Fields.date("effectiveFrom", effectiveFrom);
            return d -> new ChangeRemittancePolicy(Routes.knownParticipant(d, id), policy.schedule(),
                    policy.reserveRate(), policy.reserveYears(), from, booked);
        }
    }
}
