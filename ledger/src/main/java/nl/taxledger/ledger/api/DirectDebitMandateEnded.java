package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A mandate ended: by request, or after 3 consecutive failed collections (art. 8 reglement). */
@Revision("1")
public record DirectDebitMandateEnded(String debtorId, String mandateId, String reason, LocalDate date,
                                      LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {
}
