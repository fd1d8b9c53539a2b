package nl.taxledger.ledger.api;

/** How a payment arrangement ended. */
public enum ArrangementOutcome {
    COMPLETED, DEFAULTED, CANCELLED
}
