package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A pending change of a participant's IBAN (domain.md §11): nothing pays to {@code iban} until
 * {@link ParticipantIbanChanged}. The requester is the fact's principal ({@code who}); a later request replaces it.
 */
@Revision("1")
public record ParticipantIbanChangeRequested(String participantId, String iban, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
    // an approval step: no debtor, no money of its own; it takes effect on the day it is booked
}
