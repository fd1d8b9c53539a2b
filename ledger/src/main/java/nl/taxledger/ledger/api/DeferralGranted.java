package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Uitstel van betaling for a debtor (or one assessment when {@code assessmentId} is set). */
@Revision("1")
public record DeferralGranted(String debtorId, String deferralId, DeferralKind kind, String assessmentId,
                              LocalDate from, LocalDate until, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return from;
    }
}
