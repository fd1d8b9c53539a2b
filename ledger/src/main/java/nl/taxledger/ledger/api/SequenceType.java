package nl.taxledger.ledger.api;

/** SEPA Core sequence type of a collection: a mandate's first collection, or a recurring one after it (§10). */
public enum SequenceType {
    FRST,
    RCUR
}
