package nl.taxledger.ledger.api;

/** How often a participant receives its remittance (afdracht). */
public enum RemittanceSchedule {
    WEEKLY, QUARTERLY
}
