package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Storno of a payment that was still in suspense. */
@Revision("1")
public record UnmatchedPaymentReversed(String paymentId, long amountCents, LocalDate valueDate, String reasonCode,
                                       LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return valueDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.empty();
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
