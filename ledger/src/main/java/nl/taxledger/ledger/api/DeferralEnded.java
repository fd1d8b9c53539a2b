package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A deferral ended before or at its end date. */
@Revision("1")
public record DeferralEnded(String debtorId, String deferralId, LocalDate date, String reason,
                            LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {
}
