package nl.taxledger.ledger.api;

/** Stable rejection codes of domain.md §8. Clients match on these names: never rename one. */
public enum ErrorCode {
    VALIDATION_FAILED,
    UNKNOWN_DEBTOR,
    UNKNOWN_ASSESSMENT,
    UNKNOWN_LINE,
    UNKNOWN_PAYMENT,
    UNKNOWN_PARTICIPANT,
    UNKNOWN_ITEM,
    DUPLICATE_ASSESSMENT,
    DUPLICATE_PAYMENT,
    DUPLICATE_ITEM,
    DUPLICATE_PARTICIPANT,
    EXCEEDS_OPEN_AMOUNT,
    EXCEEDS_LINE_AMOUNT,
    PAYMENT_ALREADY_REVERSED,
    INSUFFICIENT_CREDIT,
    SET_OFF_BLOCKED_BY_MORATORIUM,
    INVALID_STATE,
    PERIOD_CLOSED,
    REMITTANCE_ALREADY_ISSUED,
    COMMAND_ID_CONFLICT,
    /** role or participant scope (domain.md §11); HTTP 403 */
    FORBIDDEN,
    /** A bank statement of an IBAN that is not one of the collector's registered accounts (§9). */
    UNKNOWN_BANK_ACCOUNT,
    /** An IBAN registered as the collector's account before. */
    DUPLICATE_BANK_ACCOUNT,
    /** Opening balance + booked credits − booked debits is not the closing balance (§9). */
    STATEMENT_UNBALANCED,
    /** A statement's opening balance is not the account's last closing balance (§9). */
    STATEMENT_SEQUENCE_BROKEN,
    /** money leaving the collector waits for a supervisor's approval (domain.md §11, four eyes); HTTP 409 */
    APPROVAL_REQUIRED,
    /** the approver is the one who requested, booked or issued it (domain.md §11, four eyes); HTTP 403 */
    SAME_PERSON,
    /** a direct-debit run for this collection date was issued before (domain.md §10); HTTP 409 */
    RUN_ALREADY_ISSUED
}
