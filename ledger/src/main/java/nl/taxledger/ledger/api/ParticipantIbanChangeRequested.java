package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A pending change of a participant's IBAN (domain.md §11): nothing pays to {@code iban} until
 * {@link ParticipantIbanChanged}. The requester is the fact's principal ({@code who}); a later request replaces it.
 */
@Revision("1")
public record ParticipantIbanChangeRequested(String participantId, String iban, LocalDate bookingDate)
        implements LedgerFact {

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
