package nl.taxledger.ledger.participant;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.api.ApproveParticipantIbanChange;
import nl.taxledger.ledger.api.ChangeRemittancePolicy;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.Iban;
import nl.taxledger.ledger.api.IssueRemittance;
import nl.taxledger.ledger.api.ParticipantIbanChangeRequested;
import nl.taxledger.ledger.api.ParticipantIbanChanged;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.ReceiptTotal;
import nl.taxledger.ledger.api.RegisterParticipant;
import nl.taxledger.ledger.api.RemittanceIssued;
import nl.taxledger.ledger.api.RemittancePolicyChanged;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.api.RequestParticipantIbanChange;
import nl.taxledger.ledger.remittance.CoveredSoFar;
import nl.taxledger.ledger.remittance.RemittanceCalculator;
import nl.taxledger.ledger.remittance.RemittancePolicy;
import nl.taxledger.ledger.remittance.TaxKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A participant whose taxes the collector collects and to whom it remits. It remembers what its remittances
 * covered (cumulative receipts and reserve per tax type and year, the shortfall carried forward), so a receipt
 * booked late simply shows up in the next remittance and an issued one is never restated.
 */
public class Participant {
    @AggregateIdentifier
    private String participantId;
    /** Policies by the first period end they apply to; registration's at {@link LocalDate#MIN}. */
    private final TreeMap<LocalDate, Policy> policies = new TreeMap<>();
    private LocalDate lastPeriodEnd;
    /** A requested IBAN change, until approved. */
    private String pendingIban;
    private final CoveredSoFar covered = new CoveredSoFar();

    private record Policy(RemittanceSchedule schedule, BigDecimal reserveRate, int reserveYears) {
    }

    protected Participant() {
        // for Axon
    }

    @CommandHandler
    public Participant(RegisterParticipant command) {
        check(Iban.valid(command.iban()), ErrorCode.VALIDATION_FAILED, "not a valid IBAN: " + command.iban());
        checkPolicy(command.reserveRate(), command.reserveYears());
        apply(new ParticipantRegistered(command.participantId(), command.name(), command.iban(), command.schedule(),
                command.reserveRate(), command.reserveYears(), command.bookingDate()));
    }

    @CommandHandler
    public RemittancePolicyChanged handle(ChangeRemittancePolicy command) {
        checkPolicy(command.reserveRate(), command.reserveYears());
        check(command.schedule() != null && command.effectiveFrom() != null, ErrorCode.VALIDATION_FAILED,
                "schedule and effectiveFrom are required");
        check(lastPeriodEnd == null || command.effectiveFrom().isAfter(lastPeriodEnd), ErrorCode.REMITTANCE_ALREADY_ISSUED,
                "the remittance for the period ending " + lastPeriodEnd + " is issued; a policy can only change later periods");
        RemittancePolicyChanged event = new RemittancePolicyChanged(participantId, command.schedule(),
                command.reserveRate(), command.reserveYears(), command.effectiveFrom(), command.bookingDate());
        apply(event);
        return event;
    }

    /** Four eyes (domain.md §11): the new IBAN waits for a second supervisor; a later request replaces it. */
    @CommandHandler
    public ParticipantIbanChangeRequested handle(RequestParticipantIbanChange command) {
        check(Iban.valid(command.iban()), ErrorCode.VALIDATION_FAILED, "not a valid IBAN: " + command.iban());
        ParticipantIbanChangeRequested event =
                new ParticipantIbanChangeRequested(participantId, command.iban(), command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public ParticipantIbanChanged handle(ApproveParticipantIbanChange command,
                                         @MetaDataValue(value = "who", required = true) String approver) {
        check(pendingIban != null, ErrorCode.INVALID_STATE, "no IBAN change of " + participantId + " waits");
        check(pendingIban.equals(command.iban()), ErrorCode.INVALID_STATE,
                "the IBAN change of " + participantId + " waiting is another than the one approved");
        check(!approver.equals(command.requestedBy()), ErrorCode.SAME_PERSON,
                approver + " requested this IBAN change; another supervisor approves it");
        ParticipantIbanChanged event = new ParticipantIbanChanged(participantId, pendingIban, command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public RemittanceIssued handle(IssueRemittance command) {
        LocalDate periodEnd = command.periodEnd();
        check(periodEnd.isBefore(command.bookingDate()), ErrorCode.VALIDATION_FAILED,
                "the period ending " + periodEnd + " has not ended on " + command.bookingDate());
        Policy policy = policies.floorEntry(periodEnd).getValue();
        check(isPeriodEnd(policy.schedule(), periodEnd), ErrorCode.VALIDATION_FAILED, periodEnd + " is not the end of a "
                + policy.schedule().name().toLowerCase(java.util.Locale.ROOT) + " period ("
                + (policy.schedule() == RemittanceSchedule.WEEKLY ? "a Sunday" : "a quarter's last day") + ")");
        check(lastPeriodEnd == null || periodEnd.isAfter(lastPeriodEnd), ErrorCode.REMITTANCE_ALREADY_ISSUED,
                "a remittance up to " + lastPeriodEnd + " is already issued for " + participantId);
        RemittanceCalculator.Result result = RemittanceCalculator.compute(
                new RemittanceCalculator.Policy(policy.reserveRate(), policy.reserveYears()), periodEnd,
                cumulative(command), covered.covered());
        LocalDate periodStart = lastPeriodEnd != null ? lastPeriodEnd.plusDays(1) : firstDay(policy.schedule(), periodEnd);
        RemittanceIssued event = new RemittanceIssued(participantId, periodStart, periodEnd, result.lines(),
                result.receiptsCents(), result.reserveWithheldCents(), result.reserveReleasedCents(),
                result.carriedForwardInCents(), result.amountCents(), result.carriedForwardOutCents(), command.bookingDate());
        apply(event);
        return event;
    }

    private static Map<TaxKey, Long> cumulative(IssueRemittance command) {
        Map<TaxKey, Long> cumulative = new HashMap<>();
        for (ReceiptTotal total : command.receipts()) {
            Long earlier = cumulative.put(new TaxKey(total.taxType(), total.taxYear()), total.cumulativeReceiptsCents());
            check(earlier == null, ErrorCode.VALIDATION_FAILED, "receipts of " + total.taxType() + "/" + total.taxYear() + " given twice");
        }
        return cumulative;
    }

    /** Weekly periods are ISO weeks ending on Sunday; quarterly ones end on 31 March, 30 June, 30 September, 31 December. */
    public static boolean isPeriodEnd(RemittanceSchedule schedule, LocalDate day) {
        return switch (schedule) {
            case WEEKLY -> day.getDayOfWeek() == DayOfWeek.SUNDAY;
            case QUARTERLY -> day.getMonthValue() % 3 == 0 && day.getDayOfMonth() == day.lengthOfMonth();
        };
    }

    private static LocalDate firstDay(RemittanceSchedule schedule, LocalDate periodEnd) {
        return switch (schedule) {
            case WEEKLY -> periodEnd.minusDays(6);
            case QUARTERLY -> periodEnd.withDayOfMonth(1).minusMonths(2);
        };
    }

    private static void checkPolicy(BigDecimal reserveRate, int reserveYears) {
        RemittancePolicy.checkRange(reserveRate, reserveYears);
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participantId = event.participantId();
        RemittanceSchedule schedule = event.schedule() == null ? RemittanceSchedule.WEEKLY : event.schedule();
        policies.put(LocalDate.MIN, new Policy(schedule, event.reserveRate(), event.reserveYears()));
    }

    @EventSourcingHandler
    void on(RemittancePolicyChanged event) {
        policies.put(event.effectiveFrom(), new Policy(event.schedule(), event.reserveRate(), event.reserveYears()));
    }

    @EventSourcingHandler
    void on(ParticipantIbanChangeRequested event) {
        pendingIban = event.iban();
    }

    @EventSourcingHandler
    void on(ParticipantIbanChanged event) {
        pendingIban = null;
    }

    @EventSourcingHandler
    void on(RemittanceIssued event) {
        covered.add(event.lines(), event.carriedForwardOutCents());
        lastPeriodEnd = event.periodEnd();
    }
}
