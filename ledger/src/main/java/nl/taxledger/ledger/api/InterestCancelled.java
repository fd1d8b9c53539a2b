package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An interest item withdrawn: its open part is cancelled and what was paid on it became credit of those payments. */
@Revision("1")
public record InterestCancelled(String debtorId, String assessmentId, String interestId, long openCancelledCents,
                                List<Allocation> takenBack, LocalDate decisionDate, String reason,
                                LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDecisionDate {
}
