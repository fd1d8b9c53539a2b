package nl.taxledger.ledger.api;

/**
 * The rule of domain.md §9 that decided where a payment from a bank statement went, in the order the rules are
 * tried. Stored in the payment's event and never changed: a later assignment from suspense is a fact of its own.
 */
public enum MatchedBy {
    /** Rule 1: the EndToEndId of a collection in one of our own direct-debit runs (§10). */
    DIRECT_DEBIT,
    /** Rule 2: the structured creditor reference is an assessment's payment reference. */
    STRUCTURED_REFERENCE,
    /** Rule 3: the free text holds exactly one known payment reference as a whole token. */
    TEXT_REFERENCE,
    /** Rule 4: the free text holds exactly one known subject number (debtor id). */
    SUBJECT_NUMBER,
    /** Rule 5: the counterparty's IBAN belongs to exactly one debtor. */
    COUNTERPARTY_IBAN,
    /** Rule 6: none of the above; the payment waits in suspense. */
    SUSPENSE
}
