package nl.taxledger.tools.verify;

import java.util.ArrayList;
import java.util.List;

/** What verify found, in the order found; listed up to a bound, counted beyond it (a wrecked store cannot exhaust memory). */
final class Findings {
    /** Findings kept for printing; more are counted but not listed. */
    static final int MAX_LISTED_FINDINGS = 10_000;

    enum Kind {
        /** the row does not hash to its link: a stored column was changed */
        EDITED,
        /** the chain has a link for a row that is gone */
        DELETED,
        /** a row where the old chain recorded a permanent gap, or a row no link covers */
        INSERTED,
        /** the chain table itself is inconsistent (a link missing, altered, or not continuing the one before) */
        CHAIN_BROKEN,
        /** a row after the old chain's head that is older than the gap timeout: never chained (old rule only) */
        UNCHAINED,
        /** the chain no longer has an anchored hash at the anchored position: history before it was rewritten */
        ANCHOR
    }

    record Finding(String where, Kind kind, String detail) {}

    private final List<Finding> listed = new ArrayList<>();
    private long count;

    void report(String where, Kind kind, String detail) {
        count++;
        if (listed.size() < MAX_LISTED_FINDINGS) {
            listed.add(new Finding(where, kind, detail));
        }
    }

    List<Finding> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }
}
