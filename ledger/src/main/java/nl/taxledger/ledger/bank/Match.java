package nl.taxledger.ledger.bank;

import nl.taxledger.ledger.api.MatchedBy;

/**
 * Where a credit transaction goes: directed at an assessment ({@code assessmentId} set), undirected for a debtor,
 * or to suspense ({@code debtorId} null) with {@code suspenseReason}. {@code reference} is what the rule matched
 * on (a payment reference or subject number), stored with the payment.
 */
public record Match(MatchedBy rule, String debtorId, String assessmentId, String reference,
                    SuspenseReason suspenseReason) {
    public Match {
        if ((rule == MatchedBy.SUSPENSE) != (debtorId == null) || (rule == MatchedBy.SUSPENSE) == (suspenseReason == null)) {
            throw new IllegalArgumentException("a match to suspense has a reason and no debtor, any other a debtor: "
                    + rule + " " + debtorId + " " + suspenseReason);
        }
    }

    static Match directed(MatchedBy rule, KnownParties.Directed directed) {
        return new Match(rule, directed.debtorId(), directed.assessmentId(), directed.reference(), null);
    }

    static Match undirected(MatchedBy rule, String debtorId, String reference) {
        return new Match(rule, debtorId, null, reference, null);
    }

    static Match suspense(SuspenseReason reason) {
        return new Match(MatchedBy.SUSPENSE, null, null, null, reason);
    }

    public boolean directed() {
        return assessmentId != null;
    }

    public boolean inSuspense() {
        return rule == MatchedBy.SUSPENSE;
    }
}
