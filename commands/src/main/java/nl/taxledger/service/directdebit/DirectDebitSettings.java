package nl.taxledger.service.directdebit;

import java.util.Map;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Direct-debit settings ({@code ledger.direct-debit.*}, docs/bank-files.md "Direct debit"): the term count per tax
 * year (domain.md §10, default 10), and the creditor of the pain.008: its SEPA creditor scheme id (incassant-ID) and
 * the collector's account the collections are credited to.
 *
 * @param termCounts        tax year → number of collection moments, e.g. {@code ledger.direct-debit.term-counts.2026=8}
 * @param creditorSchemeId  the collector's SEPA creditor identifier
 * @param creditorName      name on the pain.008 (at most 70 characters)
 * @param creditorIban      the collector's direct-debit account
 * @param creditorBic       its bank's BIC
 */
@ConfigurationProperties(prefix = "ledger.direct-debit")
public record DirectDebitSettings(
        Map<Integer, Integer> termCounts,
        String creditorSchemeId,
        String creditorName,
        String creditorIban,
        String creditorBic) {

    public DirectDebitSettings {
        termCounts = termCounts == null ? Map.of() : Map.copyOf(termCounts);
        termCounts.forEach((year, count) -> {
            if (count < 1 || count > CollectionMoments.MAX_TERM_COUNT) {
                throw new IllegalArgumentException("ledger.direct-debit.term-counts." + year + " must be 1 to "
                        + CollectionMoments.MAX_TERM_COUNT + ": " + count);
            }
        });
    }

    /** The tax year's term count: configured, or {@link CollectionMoments#DEFAULT_TERM_COUNT}. */
    public int termCount(int taxYear) {
        return termCounts.getOrDefault(taxYear, CollectionMoments.DEFAULT_TERM_COUNT);
    }
}
