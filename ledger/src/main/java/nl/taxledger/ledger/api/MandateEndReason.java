package nl.taxledger.ledger.api;

import java.util.Locale;

/**
 * Why a direct-debit mandate ended (domain.md §10). A clerk ends one as {@link #REVOKED} (by the debtor, art. 14) or
 * {@link #ENDED_BY_COLLECTOR} (art. 8.2, with an explanation); the ledger itself ends one after three failed
 * collection dates ({@link #THREE_FAILURES}, art. 8.1) or when a newer mandate of the debtor replaces it
 * ({@link #REPLACED}). Facts store the name as text.
 */
public enum MandateEndReason {
    REVOKED,
    ENDED_BY_COLLECTOR,
    THREE_FAILURES,
    REPLACED;

    /** The ends a clerk may set by command; the other two follow from the ledger's own rules. */
    public boolean byHand() {
        return this == REVOKED || this == ENDED_BY_COLLECTOR;
    }

    /**
     * Reads the reason a fact stored. Facts booked before this set existed hold other texts, which keep their
     * meaning: {@code THREE_CONSECUTIVE_FAILURES} (the ledger's own name for three strikes then) is
     * {@link #THREE_FAILURES}; {@code REQUESTED} (the default of an end by command, which only debtors asked for) is
     * {@link #REVOKED}; any other free text was typed by a clerk ending the mandate, so {@link #ENDED_BY_COLLECTOR}.
     */
    public static MandateEndReason read(String stored) {
        if (stored == null) {
            return ENDED_BY_COLLECTOR;
        }
        String upper = stored.trim().toUpperCase(Locale.ROOT);
        for (MandateEndReason reason : values()) {
            if (reason.name().equals(upper)) {
                return reason;
            }
        }
        return switch (upper) {
            case "THREE_CONSECUTIVE_FAILURES" -> THREE_FAILURES;
            case "REQUESTED" -> REVOKED;
            default -> ENDED_BY_COLLECTOR;
        };
    }
}
