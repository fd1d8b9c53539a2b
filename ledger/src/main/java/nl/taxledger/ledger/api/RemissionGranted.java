package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Kwijtschelding of open amounts of one component of an assessment; {@code items} says which items. */
@Revision("1")
public record RemissionGranted(String debtorId, String assessmentId, Component component, long amountCents,
                               List<ClaimAmount> items, LocalDate decisionDate, String reason,
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
