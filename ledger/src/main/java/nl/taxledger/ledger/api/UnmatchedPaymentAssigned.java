package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A payment in suspense assigned to a debtor; the debtor's PaymentReceived (fromSuspense) holds its allocation. */
@Revision("1")
public record UnmatchedPaymentAssigned(String paymentId, String debtorId, long amountCents,
                                       LocalDate bookingDate) implements LedgerFact {

    /** Takes effect on its booking date: it names no date of its own (the value date is on the PaymentReceived). */
    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
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
