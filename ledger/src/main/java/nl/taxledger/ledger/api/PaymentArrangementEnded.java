package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An arrangement ended: COMPLETED, DEFAULTED (two missed terms) or CANCELLED. */
@Revision("1")
public record PaymentArrangementEnded(String debtorId, String arrangementId, ArrangementOutcome outcome, LocalDate date,
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
