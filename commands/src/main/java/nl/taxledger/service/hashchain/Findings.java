package nl.taxledger.service.hashchain;

import java.util.ArrayList;
import java.util.List;

/** What verify found, in the order found; listed up to a bound, counted beyond it (a wrecked store cannot exhaust memory). */
public final class Findings {
    /** Findings kept for printing; more are counted but not listed. */
    public static final int MAX_LISTED_FINDINGS = 10_000;

    public enum Kind {
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

    public record Finding(String where, Kind kind, String detail) {}

    private final int maxListed;
    private final List<Finding> listed = new ArrayList<>();
    private long count;

    /** Lists up to {@link #MAX_LISTED_FINDINGS}. */
    public Findings() {
        this(MAX_LISTED_FINDINGS);
    }

    /** Lists up to {@code maxListed} (a page shows fewer than a printed report), counts them all. */
    public Findings(int maxListed) {
        this.maxListed = maxListed;
    }

    public void report(String where, Kind kind, String detail) {
        count++;
        if (listed.size() < maxListed) {
            listed.add(new Finding(where, kind, detail));
        }
    }

    public List<Finding> listed() {
        return List.copyOf(listed);
    }

    public long count() {
        return count;
    }
}
