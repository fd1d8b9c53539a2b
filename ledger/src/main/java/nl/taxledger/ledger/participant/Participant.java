package nl.taxledger.ledger.participant;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.RegisterParticipant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.iban4j.IbanUtil;

/** A participant whose taxes the collector collects and to whom it remits. */
public class Participant {
    @AggregateIdentifier
    private String participantId;

    protected Participant() {
        // for Axon
    }

    @CommandHandler
    public Participant(RegisterParticipant command) {
        check(validIban(command.iban()), ErrorCode.VALIDATION_FAILED, "not a valid IBAN: " + command.iban());
        check(command.reserveRate().signum() >= 0 && command.reserveRate().compareTo(BigDecimal.ONE) < 0,
                ErrorCode.VALIDATION_FAILED, "reserve rate must be in [0, 1)");
        check(command.reserveYears() >= 0, ErrorCode.VALIDATION_FAILED, "reserve years must not be negative");
        apply(new ParticipantRegistered(command.participantId(), command.name(), command.iban(), command.schedule(),
                command.reserveRate(), command.reserveYears(), command.bookingDate()));
    }

    /** IBAN check digits and national format (iban4j), not a hand-written mod 97. */
    public static boolean validIban(String iban) {
        try {
            IbanUtil.validate(iban);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        participantId = event.participantId();
    }
}
