package nl.taxledger.ledger.api;

/** The claim components of an assessment in art. 7 IW order: costs, then interest, then principal. */
public enum Component {
    COSTS, INTEREST, PRINCIPAL
}
