package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Prepare the direct-debit run of a collection moment (domain.md §10). {@code candidates} are read while routing,
 * in the command's transaction, and travel in the command: the run decides its terms with exactly them, like a
 * remittance with its receipts. {@code runId} is {@link #runIdOf(LocalDate)}: one run per date.
 */
public record PrepareDirectDebitRun(
        @TargetAggregateIdentifier String runId,
        LocalDate collectionDate,
        List<CollectionCandidate> candidates,
        LocalDate bookingDate) {

    /** The run of a collection date: {@code DD} + {@code yyyyMMdd}, the prefix of its EndToEndIds too. */
    public static String runIdOf(LocalDate collectionDate) {
        return "DD" + collectionDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
