package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A collection under a mandate failed; {@code consecutiveFailures} counts failures since the last success. */
@Revision("1")
public record DirectDebitCollectionFailed(String debtorId, String mandateId, LocalDate collectionDate,
                                          String reasonCode, int consecutiveFailures,
                                          LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return collectionDate;
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
