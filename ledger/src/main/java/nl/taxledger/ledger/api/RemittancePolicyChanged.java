package nl.taxledger.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A participant's remittance policy from {@code effectiveFrom} on (remittances whose period ends on or after it). */
@Revision("1")
public record RemittancePolicyChanged(String participantId, RemittanceSchedule schedule, BigDecimal reserveRate,
                                      int reserveYears, LocalDate effectiveFrom,
                                      LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return effectiveFrom;
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
