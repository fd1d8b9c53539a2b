package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Machtiging automatische incasso; {@code accountRef} points into the erasable register. */
@Revision("1")
public record DirectDebitMandateRegistered(String debtorId, String mandateId, String accountRef, LocalDate signedDate,
                                           LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return signedDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.of(debtorId);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
