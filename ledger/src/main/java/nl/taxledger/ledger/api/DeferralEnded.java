package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A deferral ended before or at its end date. */
@Revision("1")
public record DeferralEnded(String debtorId, String deferralId, LocalDate date, String reason,
                            LocalDate bookingDate) implements LedgerFact {

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
