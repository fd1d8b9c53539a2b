package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Betalingsregeling of at most 10 monthly terms over the listed assessments. */
@Revision("1")
public record PaymentArrangementAgreed(String debtorId, String arrangementId, List<String> assessmentIds,
                                       List<ArrangementTerm> terms, LocalDate agreedDate,
                                       LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return agreedDate;
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
