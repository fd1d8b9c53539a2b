package nl.taxledger.ledger.asof;

import nl.taxledger.ledger.journal.Account;

/** The balance of one account (and dimension) as of a reference date: debit positive, credit negative. */
public record TrialBalanceRow(Account account, String dimension, long debitCents, long creditCents) {

    public long balanceCents() {
        return debitCents - creditCents;
    }
}
