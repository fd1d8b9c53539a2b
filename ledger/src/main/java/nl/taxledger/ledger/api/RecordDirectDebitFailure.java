package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a failed collection under a mandate. {@code endToEndId} (optional) names the one collection
 * transaction that failed; without it the collection is the mandate's collection on {@code collectionDate}.
 * A collection fails at most once (domain.md §10): a second report of it is refused. {@code lastTermOf} names the
 * assessment when the failed transaction was its last term (the run's term number = term count): nothing collects
 * it again, so its remaining debt falls due at once (docs/design.md); null for any other term or when not known.
 */
public record RecordDirectDebitFailure(
        @TargetAggregateIdentifier String debtorId,
        String mandateId,
        LocalDate collectionDate,
        String reasonCode,
        LocalDate bookingDate,
        String endToEndId,
        String lastTermOf) {
    /** A failure that names its transaction but no last term. */
    public RecordDirectDebitFailure(
            String debtorId,
            String mandateId,
            LocalDate collectionDate,
            String reasonCode,
            LocalDate bookingDate,
            String endToEndId) {
        this(debtorId, mandateId, collectionDate, reasonCode, bookingDate, endToEndId, null);
    }

    /** A failure that does not name its transaction. */
    public RecordDirectDebitFailure(
            String debtorId, String mandateId, LocalDate collectionDate, String reasonCode, LocalDate bookingDate) {
        this(debtorId, mandateId, collectionDate, reasonCode, bookingDate, null, null);
    }
}
