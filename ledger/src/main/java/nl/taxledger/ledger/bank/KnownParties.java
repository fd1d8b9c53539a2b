package nl.taxledger.ledger.bank;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the matching rules of domain.md §9 ask of the ledger. Tokens and references come upper-cased. */
public interface KnownParties {
    /**
     * Rule 1 (domain.md §10): the collection of one of our own direct-debit runs with this EndToEndId. Until runs
     * exist (pain.008) nothing is ours.
     */
    default Optional<Directed> collection(String endToEndId) {
        return Optional.empty();
    }

    /**
     * The transaction of one of our own direct-debit runs with this EndToEndId (domain.md §10), whatever happened to
     * it since: what an R-transaction (a pain.002 reject, a returned or refunded collection) is matched on. Empty for
     * an EndToEndId that is not ours. The runs implement it; until then nothing is ours.
     */
    default Optional<OwnCollection> ownCollection(String endToEndId) {
        return Optional.empty();
    }

    /**
     * The assessments whose payment reference, upper-cased, is one of {@code referencesUpper}, by that key. A key can
     * name more than one assessment (references that differ only in case): every one of them is listed, so the
     * matcher sees the ambiguity (§9) instead of one of them silently winning.
     */
    Map<String, List<Directed>> assessmentsByReference(Collection<String> referencesUpper);

    /** The debtors (subject numbers, as stored) whose id, upper-cased, is one of {@code tokensUpper}. */
    Set<String> debtorsAmong(Collection<String> tokensUpper);

    /**
     * The debtors this IBAN belongs to: a payment of theirs came from it (reversed and assigned ones too), or it
     * is on one of their mandates or refunds. Two are as good as more: the caller only needs to know "exactly one".
     */
    Set<String> debtorsOfIban(String iban);

    /** One transaction of an issued direct-debit run: whose, under which mandate, for which assessment, how much. */
    record OwnCollection(
            String endToEndId,
            String debtorId,
            String mandateId,
            String assessmentId,
            LocalDate collectionDate,
            long amountCents) {}

    /** An assessment a payment is directed at, with its debtor and the reference that named it. */
    record Directed(String assessmentId, String debtorId, String reference) {}
}
