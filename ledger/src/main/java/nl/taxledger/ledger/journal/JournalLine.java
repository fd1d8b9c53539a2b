package nl.taxledger.ledger.journal;

import nl.taxledger.ledger.api.Component;

/**
 * One line of a journal entry. {@code amountCents} is signed: debit positive, credit negative.
 * {@code dimension} is the participant|taxType|taxYear cell or the participant, as the account
 * requires ("" otherwise). The sub-ledger fields name the debtor and the claim item when the line
 * is on a debtor's receivable or credit (null otherwise); the debtors report adds those up.
 */
public record JournalLine(Account account, String dimension, long amountCents,
                          String debtorId, String assessmentId, Component component, String itemId) {

    static JournalLine of(Account account, String dimension, long amountCents) {
        return new JournalLine(account, dimension, amountCents, null, null, null, null);
    }
}
