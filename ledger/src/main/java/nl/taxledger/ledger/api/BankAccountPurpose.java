package nl.taxledger.ledger.api;

/** What the collector uses one of its bank accounts for (domain.md §9). */
public enum BankAccountPurpose {
    RECEIPTS,
    DIRECT_DEBIT,
    PAYOUT
}
