package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A direct-debit run for a collection moment (domain.md §10), with every transaction frozen: what the pain.008
 * collects and what rule 1 of the statement import settles by EndToEndId. No money moves: a collection is booked
 * when the bank credits it. {@code totalCents} is the sum of the collections; an empty run has none.
 */
@Revision("1")
public record DirectDebitRunIssued(
        String runId,
        LocalDate collectionDate,
        List<DirectDebitCollection> collections,
        long totalCents,
        LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return collectionDate;
    }
}
