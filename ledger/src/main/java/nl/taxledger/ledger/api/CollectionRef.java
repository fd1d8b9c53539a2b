package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * The collection of a direct-debit run a payment settled: the mandate it was collected under and the run's
 * collection date (domain.md §10). Three strikes counts collection dates, not the dates money arrived on.
 */
public record CollectionRef(String mandateId, LocalDate collectionDate) {
    public CollectionRef {
        if (mandateId == null || collectionDate == null) {
            throw new IllegalArgumentException("a collection names its mandate and date");
        }
    }
}
