package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A payment in suspense assigned to a debtor; the debtor's PaymentReceived (fromSuspense) holds its allocation. */
@Revision("1")
public record UnmatchedPaymentAssigned(String paymentId, String debtorId, long amountCents, LocalDate bookingDate) {
}
