package nl.taxledger.ledger.api;

/**
 * How money reached the collector (domain.md §9, §10): a closed set, checked at the door. Only
 * {@link #DIRECT_DEBIT} is one of our own collections, which counts for a mandate's three strikes.
 * Events keep the name as text, so facts booked before this set existed still read back.
 */
public enum PaymentChannel {
    /** A bank transfer (overboeking), the default. */
    TRANSFER,
    /** Settlement of our own SEPA direct-debit collection (pain.008). */
    DIRECT_DEBIT,
    /** An iDEAL payment. */
    IDEAL,
    /** A card payment at a counter (pin). */
    CARD,
    /** Cash at a counter. */
    CASH
}
