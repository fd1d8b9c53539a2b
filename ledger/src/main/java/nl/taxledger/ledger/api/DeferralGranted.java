package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Uitstel van betaling for a debtor (or one assessment when {@code assessmentId} is set). */
@Revision("1")
public record DeferralGranted(String debtorId, String deferralId, DeferralKind kind, String assessmentId,
                              LocalDate from, LocalDate until, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return from;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.of(debtorId);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
