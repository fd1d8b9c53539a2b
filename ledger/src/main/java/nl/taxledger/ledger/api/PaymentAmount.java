package nl.taxledger.ledger.api;

/** An amount of the debtor's credit held for one payment (allocations follow the money). */
public record PaymentAmount(String paymentId, long amountCents) {
}
