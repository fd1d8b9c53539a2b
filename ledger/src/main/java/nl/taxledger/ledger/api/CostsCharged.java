package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A cost item (aanmaning, dwangbevel, ...) charged on an assessment. */
@Revision("1")
public record CostsCharged(String debtorId, String assessmentId, String costId, String kind, long amountCents,
                           LocalDate date, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return date;
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
