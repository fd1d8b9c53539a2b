package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A write-off reversed: the amount is open again. */
@Revision("1")
public record UncollectibleReinstated(String debtorId, String assessmentId, String lineId, long amountCents,
                                      LocalDate decisionDate, String reason,
                                      LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return decisionDate;
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
