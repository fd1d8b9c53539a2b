package nl.taxledger.ledger.bank;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.taxledger.ledger.api.MatchedBy;

/** The matching rules of domain.md §9 for one credit transaction, tried in order; the first that decides wins. */
public final class PaymentMatcher {
    private PaymentMatcher() {}

    public static Match match(Statement.Transaction transaction, KnownParties known) {
        if (transaction.endToEndId() != null) {
            Optional<KnownParties.Directed> collection = known.collection(transaction.endToEndId());
            if (collection.isPresent()) {
                return Match.directed(MatchedBy.DIRECT_DEBIT, collection.get());
            }
        }
        if (transaction.structuredReference() != null) {
            String reference =
                    transaction.structuredReference().replace(" ", "").toUpperCase(Locale.ROOT);
            List<KnownParties.Directed> directed =
                    known.assessmentsByReference(Set.of(reference)).getOrDefault(reference, List.of());
            if (directed.size() == 1) {
                return Match.directed(MatchedBy.STRUCTURED_REFERENCE, directed.get(0));
            }
            if (directed.size() > 1) {
                // two references equal but for case: which one the debtor meant is for a clerk to decide
                return Match.suspense(SuspenseReason.AMBIGUOUS_REFERENCE);
            }
        }
        Set<String> tokens = Tokens.of(transaction.unstructuredText());
        if (!tokens.isEmpty()) {
            Optional<Match> byText = byText(tokens, known);
            if (byText.isPresent()) {
                return byText.get();
            }
        }
        if (transaction.counterpartyIban() != null) {
            Set<String> debtors = known.debtorsOfIban(transaction.counterpartyIban());
            if (debtors.size() == 1) {
                return Match.undirected(
                        MatchedBy.COUNTERPARTY_IBAN, debtors.iterator().next(), null);
            }
            if (debtors.size() > 1) {
                return Match.suspense(SuspenseReason.AMBIGUOUS_COUNTERPARTY);
            }
        }
        return Match.suspense(SuspenseReason.NO_MATCH);
    }

    /** Rules 3 and 4: a known payment reference, else a known subject number, each exactly one. */
    private static Optional<Match> byText(Set<String> tokens, KnownParties known) {
        Map<String, List<KnownParties.Directed>> references = known.assessmentsByReference(tokens);
        Set<String> assessments = new HashSet<>();
        references.values().forEach(named -> named.forEach(directed -> assessments.add(directed.assessmentId())));
        if (assessments.size() == 1) {
            return Optional.of(Match.directed(
                    MatchedBy.TEXT_REFERENCE,
                    references.values().iterator().next().get(0)));
        }
        if (assessments.size() > 1) {
            return Optional.of(Match.suspense(SuspenseReason.AMBIGUOUS_REFERENCE));
        }
        Set<String> debtors = known.debtorsAmong(tokens);
        if (debtors.size() == 1) {
            String debtorId = debtors.iterator().next();
            return Optional.of(Match.undirected(MatchedBy.SUBJECT_NUMBER, debtorId, debtorId));
        }
        if (debtors.size() > 1) {
            return Optional.of(Match.suspense(SuspenseReason.AMBIGUOUS_REFERENCE));
        }
        return Optional.empty();
    }
}
