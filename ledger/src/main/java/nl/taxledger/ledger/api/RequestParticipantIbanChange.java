package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor asks to pay a participant on a new IBAN; it takes effect only once another supervisor approves. */
public record RequestParticipantIbanChange(@TargetAggregateIdentifier String participantId, String iban,
                                           LocalDate bookingDate) {
}
