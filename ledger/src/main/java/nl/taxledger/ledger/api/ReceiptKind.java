package nl.taxledger.ledger.api;

/** How principal reached a participant's line or left it again (domain.md §5). */
public enum ReceiptKind {
    /** Principal of a payment allocated to the line. */
    PAYMENT,
    /** Principal settled from the debtor's credit (verrekening). */
    SET_OFF,
    /** A payment's principal taken back by its reversal. */
    STORNO,
    /** A paid line reduced below what was paid: the excess taken back to credit. */
    REDUCTION
}
