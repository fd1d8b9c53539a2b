package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a failed collection under a mandate. {@code endToEndId} (optional) names the one collection
 * transaction that failed; without it the collection is the mandate's collection on {@code collectionDate}.
 * A collection fails at most once (domain.md §10): a second report of it is refused.
 */
public record RecordDirectDebitFailure(@TargetAggregateIdentifier String debtorId, String mandateId, LocalDate collectionDate, String reasonCode, LocalDate bookingDate,
                                       String endToEndId) {
    /** A failure that does not name its transaction. */
    public RecordDirectDebitFailure(String debtorId, String mandateId, LocalDate collectionDate, String reasonCode,
                                    LocalDate bookingDate) {
        this(debtorId, mandateId, collectionDate, reasonCode, bookingDate, null);
    }
}
