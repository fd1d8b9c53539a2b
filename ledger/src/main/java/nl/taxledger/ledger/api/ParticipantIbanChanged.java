package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A second supervisor approved the pending IBAN change: remittances are paid to {@code iban} from now on. */
@Revision("1")
public record ParticipantIbanChanged(String participantId, String iban, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.empty();
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
