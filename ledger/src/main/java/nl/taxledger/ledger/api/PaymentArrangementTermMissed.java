package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A term of an arrangement was not paid; {@code missedCount} counts the misses so far. */
@Revision("1")
public record PaymentArrangementTermMissed(String debtorId, String arrangementId, LocalDate termDueDate,
                                           int missedCount, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return termDueDate;
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
