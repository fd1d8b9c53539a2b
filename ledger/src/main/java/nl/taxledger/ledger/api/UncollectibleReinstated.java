package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A write-off reversed: the amount is open again. */
@Revision("1")
public record UncollectibleReinstated(String debtorId, String assessmentId, String lineId, long amountCents,
                                      LocalDate decisionDate, String reason,
                                      LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDecisionDate {
}
