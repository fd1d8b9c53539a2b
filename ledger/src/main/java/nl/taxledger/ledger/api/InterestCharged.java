package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Invorderingsrente charged on an assessment. */
@Revision("1")
public record InterestCharged(String debtorId, String assessmentId, String interestId, long amountCents, LocalDate date,
                              LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {
}
