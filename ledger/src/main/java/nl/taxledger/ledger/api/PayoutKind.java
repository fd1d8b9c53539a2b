package nl.taxledger.ledger.api;

/** The money the collector pays out by credit transfer (pain.001), whose execution a statement debit confirms. */
public enum PayoutKind {
    /** A participant's remittance of a released run. */
    REMITTANCE,
    /** A debtor's refund of a released refund batch. */
    REFUND
}
