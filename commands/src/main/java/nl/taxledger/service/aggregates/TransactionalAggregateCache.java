package nl.taxledger.service.aggregates;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bounded aggregate cache (Caffeine, least recently used out) whose entries are only ever committed state.
 *
 * <p>Axon stores an aggregate in its cache when the command's unit of work commits, which in this service is
 * inside the command's PostgreSQL transaction: the idempotency record is written and the transaction committed
 * after that, and the aggregate's lock is already released. Stored as Axon does it, another command on the same
 * debtor could decide on events that are not committed yet, and, if the transaction then fails, on events that
 * were never stored. So inside a Spring transaction a put takes the entry out at once (a concurrent command loads
 * the committed events from PostgreSQL, as without a cache) and puts the new state in only after the commit, and
 * only if no later put for the same aggregate came first. Outside a transaction Axon's own rollback handling
 * applies. {@link #remove} (Axon's rollback) always takes the entry out, and so does the rollback of a group line
 * to its savepoint ({@link GroupLines}).
 *
 * <p>Every instance that handles commands has its own cache. A cached aggregate that another instance changed
 * since is stale, but it cannot store a wrong fact: its next event takes a sequence number that is already in
 * the event store, the append fails on the unique key and the command is refused, after which the entry is gone.
 */
final class TransactionalAggregateCache implements Cache {

    /** A cache slot: {@code entry} null is a placeholder while a transaction that changed the aggregate is open. */
    private record Slot(long generation, Object entry) {}

    private final ConcurrentMap<Object, Slot> slots;
    private final AtomicLong generations = new AtomicLong();

    TransactionalAggregateCache(long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("an aggregate cache needs room for at least one entry: " + maxEntries);
        }
        this.slots = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .<Object, Slot>build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Slot slot = slots.get(key);
        return slot == null ? null : (V) slot.entry();
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            slots.put(key, new Slot(generations.incrementAndGet(), value));
            return;
        }
        long generation = generations.incrementAndGet();
        slots.put(key, new Slot(generation, null));
        // a group line rolled back to its savepoint after Axon counted it committed leaves no entry behind
        GroupLines.onRollback(() -> slots.remove(key));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // only the newest put of a committed transaction goes in; anything else leaves no entry behind
                slots.computeIfPresent(
                        key,
                        (k, slot) -> slot.generation() != generation
                                ? slot
                                : status == STATUS_COMMITTED ? new Slot(generation, value) : null);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return slots.remove(key) != null;
    }

    @Override
    public void removeAll() {
        slots.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Nothing in the ledger listens to cache entries; a listener would silently miss the deferred puts. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
