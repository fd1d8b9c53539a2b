package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An arrangement ended: COMPLETED, DEFAULTED (two missed terms) or CANCELLED. */
@Revision("1")
public record PaymentArrangementEnded(String debtorId, String arrangementId, ArrangementOutcome outcome, LocalDate date,
                                      LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {
}
