package nl.taxledger.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A participant's remittance policy from {@code effectiveFrom} on (remittances whose period ends on or after it). */
@Revision("1")
public record RemittancePolicyChanged(String participantId, RemittanceSchedule schedule, BigDecimal reserveRate,
                                      int reserveYears, LocalDate effectiveFrom,
                                      LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return effectiveFrom;
    }
}
