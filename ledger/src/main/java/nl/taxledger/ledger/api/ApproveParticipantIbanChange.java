package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor other than the requester makes a participant's pending IBAN change effective. */
public record ApproveParticipantIbanChange(@TargetAggregateIdentifier String participantId, String approver,
                                           LocalDate bookingDate) {
}
