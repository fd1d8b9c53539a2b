package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Teruggaaf: credit paid out, newest payment first. {@code accountRef} points into the erasable register. */
@Revision("1")
public record RefundPaid(String debtorId, String refundId, long amountCents, List<PaymentAmount> creditSpent,
                         LocalDate valueDate, String accountRef, LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return valueDate;
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
