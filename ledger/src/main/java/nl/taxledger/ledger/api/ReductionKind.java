package nl.taxledger.ledger.api;

/** Vermindering, ontheffing, vernietiging: the three kinds of reduction of an assessment line. */
public enum ReductionKind {
    VERMINDERING, ONTHEFFING, VERNIETIGING
}
