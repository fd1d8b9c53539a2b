package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Kwijtschelding of open amounts of one component of an assessment; {@code items} says which items. */
@Revision("1")
public record RemissionGranted(String debtorId, String assessmentId, Component component, long amountCents,
                               List<ClaimAmount> items, LocalDate decisionDate, String reason,
                               LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDecisionDate {
}
