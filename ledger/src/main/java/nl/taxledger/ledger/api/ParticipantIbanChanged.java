package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A second supervisor approved the pending IBAN change: remittances are paid to {@code iban} from now on. */
@Revision("1")
public record ParticipantIbanChanged(String participantId, String iban, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
    // an approval step: no debtor, no money of its own; it takes effect on the day it is booked
}
