package nl.taxledger.ledger.bank;

/** Why a credit transaction went to suspense (domain.md §9, rules 3 to 6), for the clerk's worklist. */
public enum SuspenseReason {
    /** The text names more than one known payment reference, or more than one known subject number. */
    AMBIGUOUS_REFERENCE,
    /** No reference or subject number, and the counterparty's IBAN belongs to more than one debtor. */
    AMBIGUOUS_COUNTERPARTY,
    /** Nothing in the transaction points at a debtor. */
    NO_MATCH
}
