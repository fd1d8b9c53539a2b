package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Money that matches no debtor, held in suspense (tussenrekening). */
@Revision("1")
public record PaymentUnmatched(String paymentId, long amountCents, LocalDate valueDate, String reference,
                               String channel, String counterpartyRef, LocalDate bookingDate) implements LedgerFact {

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
