package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Oninbaar verklaard: open principal of a line written off, with a mandatory reason code. */
@Revision("1")
public record WrittenOffAsUncollectible(String debtorId, String assessmentId, String lineId, long amountCents,
                                        LocalDate decisionDate, String reasonCode,
                                        LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDecisionDate {
}
