package nl.taxledger.ledger.period;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ClosePeriod;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PeriodClosed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The ledger's closed periods: one aggregate for the whole ledger (id {@link ClosePeriod#LEDGER}), so two
 * closes are serialised by its sequence numbers. It only decides whether a close is allowed; refusing bookings
 * into a closed period happens on the command side, before routing, against a lookup table fed by
 * {@link PeriodClosed}.
 */
public class LedgerPeriods {
    @AggregateIdentifier
    private String ledgerId;
    private LocalDate closedThrough;

    protected LedgerPeriods() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PeriodClosed handle(ClosePeriod command) {
        check(ClosePeriod.LEDGER.equals(command.ledgerId()), ErrorCode.VALIDATION_FAILED,
                "periods are closed for the whole ledger (id " + ClosePeriod.LEDGER + ")");
        check(command.through() != null && command.bookingDate() != null, ErrorCode.VALIDATION_FAILED,
                "through and bookingDate are required");
        // a period that has not ended yet cannot be closed: today's bookings would be refused mid-day
        check(command.through().isBefore(command.bookingDate()), ErrorCode.VALIDATION_FAILED,
                "through " + command.through() + " must lie before the booking date " + command.bookingDate());
        check(closedThrough == null || command.through().isAfter(closedThrough), ErrorCode.VALIDATION_FAILED,
                "the books are already closed through " + closedThrough + "; a close cannot go back or repeat");
        PeriodClosed event = new PeriodClosed(command.ledgerId(), command.through(), command.bookingDate());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        ledgerId = event.ledgerId();
        closedThrough = event.through();
    }
}
