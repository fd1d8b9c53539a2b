package nl.taxledger.service.aggregates;

import java.util.ArrayList;
import java.util.List;

/**
 * The cache side of a group commit (docs/design.md, "Group commit"): a line of a group runs in its own savepoint of
 * the group's transaction, and Axon's unit of work, which joins that transaction, counts as committed when the line
 * ends. Should the line then be rolled back to its savepoint (its idempotency record failed, or a check after the
 * command), the aggregate caches would put, at the group's commit, a state built on events that were never stored.
 * So while a line is open every cache write it makes is noted here, and rolling the line back takes those entries
 * out: a later line, or a later command, loads the aggregate from the event store instead.
 */
public final class GroupLines {
    private static final ThreadLocal<List<Runnable>> EVICTIONS = new ThreadLocal<>();

    private GroupLines() {}

    /** A line starts on this thread: cache writes from now on are noted. */
    public static void begin() {
        if (EVICTIONS.get() != null) {
            throw new IllegalStateException("a group line is already open on this thread");
        }
        EVICTIONS.set(new ArrayList<>());
    }

    /** The line was stored with its group's savepoint released: its cache writes stand (until the group ends). */
    public static void released() {
        EVICTIONS.remove();
    }

    /** The line was rolled back to its savepoint: every cache entry it wrote is taken out. */
    public static void rolledBack() {
        List<Runnable> evictions = EVICTIONS.get();
        EVICTIONS.remove();
        if (evictions != null) {
            evictions.forEach(Runnable::run);
        }
    }

    /**
     * Called by whatever a line did outside its savepoint's reach (a cache entry, an after-commit action) to be
     * undone if the line is rolled back; outside a group line there is nothing to note.
     */
    public static void onRollback(Runnable eviction) {
        List<Runnable> evictions = EVICTIONS.get();
        if (evictions != null) {
            evictions.add(eviction);
        }
    }
}
