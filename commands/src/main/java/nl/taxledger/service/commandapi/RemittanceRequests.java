package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.oneOf;
import static nl.taxledger.service.commandapi.Fields.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.taxledger.ledger.api.ChangeRemittancePolicy;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.IssueRemittance;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.service.lookup.Directory;

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
        public Routed validate(LocalDate today) {
            String id = required("participantId", participantId);
            LocalDate end = Fields.date("periodEnd", periodEnd);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new IssueRemittance(knownParticipant(d, id), end, d.cumulativeReceipts(id, end), booked);
        }
    }

    /** Change a participant's schedule, reserve rate and reserve years from the period ending on {@code effectiveFrom}. */
    public record ChangeRemittancePolicyRequest(String commandId, String participantId, String schedule,
                                                String reserveRate, Integer reserveYears, String effectiveFrom,
                                                String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("participantId", participantId);
            RemittanceSchedule validSchedule = oneOf("schedule", RemittanceSchedule.class, schedule);
            BigDecimal rate = Fields.rate("reserveRate", reserveRate);
            int years = required("reserveYears", reserveYears);
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0 || years < 0) {
                throw Fields.invalid("reserveRate must be in [0, 1) and reserveYears not negative");
            }
            LocalDate from = Fields.date("effectiveFrom", effectiveFrom);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new ChangeRemittancePolicy(knownParticipant(d, id), validSchedule, rate, years, from, booked);
        }
    }

    private static String knownParticipant(Directory directory, String participantId) {
        if (!directory.participantExists(participantId)) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        }
        return participantId;
    }
}
