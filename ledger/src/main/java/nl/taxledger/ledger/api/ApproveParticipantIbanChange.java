package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor other than the requester makes a participant's pending IBAN change effective. The pending IBAN and
 * who requested it are read while routing (the request fact's {@code who}) and travel in the command; the approver
 * is the principal sending this command ({@code who}).
 */
public record ApproveParticipantIbanChange(@TargetAggregateIdentifier String participantId, String iban,
                                           String requestedBy, LocalDate bookingDate) {
}
