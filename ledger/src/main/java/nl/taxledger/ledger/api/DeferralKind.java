package nl.taxledger.ledger.api;

/** Why payment is deferred (Leidraad invordering ch. 25). */
public enum DeferralKind {
    OBJECTION, ARRANGEMENT, DEBT_RELIEF, MORATORIUM
}
