package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A cost item (aanmaning, dwangbevel, ...) charged on an assessment. */
@Revision("1")
public record CostsCharged(String debtorId, String assessmentId, String costId, String kind, long amountCents,
                           LocalDate date, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {
}
