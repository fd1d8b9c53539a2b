package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A collection under a mandate failed; {@code consecutiveFailures} counts the mandate's latest collection
 * dates that all failed, this one included (domain.md §10). {@code endToEndId} names the failed transaction;
 * null when it was not reported, and in facts of revision 1, which had no such field.
 */
@Revision("2")
public record DirectDebitCollectionFailed(String debtorId, String mandateId, LocalDate collectionDate,
                                          String reasonCode, int consecutiveFailures, LocalDate bookingDate,
                                          String endToEndId)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {
    /** A failure that does not name its transaction. */
    public DirectDebitCollectionFailed(String debtorId, String mandateId, LocalDate collectionDate, String reasonCode,
                                       int consecutiveFailures, LocalDate bookingDate) {
        this(debtorId, mandateId, collectionDate, reasonCode, consecutiveFailures, bookingDate, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return collectionDate;
    }
}
