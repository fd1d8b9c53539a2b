package nl.taxledger.service.hashchain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code event_hash_chain} one link per global index of {@code domainevententry}, in order.
 *
 * <p>Not an Axon event processor: the chain must follow the table's global order without holes and must not
 * depend on tracking tokens (which skip gaps and can be reset). So it reads the table itself, on a fixed delay,
 * one bounded batch per transaction, serialised by a PostgreSQL advisory lock so that two service instances (or a
 * test calling {@link #awaitChained}) never write the same link twice.
 *
 * <h2>Gaps</h2>
 * A missing global index is either an append that has not committed yet or one that was rolled back. The chain
 * stops before it until the first row after it is older than the gap timeout, the same rule and the same 30
 * minutes as the event store ({@code JdbcEventStoreConfiguration.GAP_TIMEOUT_MINUTES}: every transaction is
 * cut off well before that). Then the index can no longer be filled, and it is chained as a {@code GAP} link, so
 * a row that appears there later is reported by {@code replay-tools verify} as inserted.
 */
@Component
@Profile("!axonserver")
public class HashChainer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(HashChainer.class);
    /** Key of the transaction-scoped advisory lock that serialises chain writers ("HASHCHN"). */
    private static final long CHAIN_LOCK = 0x484153484348L;
    /** A tick chains at most this many batches, so one tick cannot run for ever behind a huge backlog. */
    private static final int MAX_BATCHES_PER_TICK = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final long intervalMs;
    private final int batchSize;
    private final long gapTimeoutMs;
    private final boolean scheduled;
    private volatile ScheduledExecutorService executor;

    public HashChainer(JdbcTemplate jdbc, TransactionTemplate transaction,
                       @Value("${ledger.hashchain.interval-ms:1000}") long intervalMs,
                       @Value("${ledger.hashchain.batch-size:5000}") int batchSize,
                       @Value("${ledger.hashchain.gap-timeout-ms:1800000}") long gapTimeoutMs,
                       @Value("${ledger.hashchain.enabled:${ledger.scheduling.enabled:true}}") boolean scheduled) {
        if (intervalMs <= 0 || batchSize <= 0 || gapTimeoutMs <= 0) {
            throw new IllegalArgumentException("ledger.hashchain interval, batch size and gap timeout must be positive");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.intervalMs = intervalMs;
        this.batchSize = batchSize;
        this.gapTimeoutMs = gapTimeoutMs;
        this.scheduled = scheduled;
    }

    /** The last link: its global index (0 for an empty chain) and hash. */
    public record Head(long globalIndex, String hash) {
    }

    public Head head() {
        List<Head> last = jdbc.query("SELECT global_index, hash FROM event_hash_chain ORDER BY global_index DESC LIMIT 1",
                (row, n) -> new Head(row.getLong(1), row.getString(2)));
        return last.isEmpty() ? new Head(0, ChainLink.GENESIS) : last.get(0);
    }

    /** Appends the links of at most one batch of rows; returns how many links it wrote. */
    public int chainBatch() {
        Integer written = transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
            Head head = head();
            List<StoredEvent> rows = jdbc.query("SELECT " + StoredEvent.COLUMNS
                    + " FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?",
                    (row, n) -> StoredEvent.read(row), head.globalIndex(), batchSize);
            List<Object[]> links = links(head, rows, Instant.now().minusMillis(gapTimeoutMs));
            jdbc.batchUpdate("INSERT INTO event_hash_chain (global_index, kind, previous_hash, hash) VALUES (?, ?, ?, ?)", links);
            return links.size();
        });
        return written == null ? 0 : written;
    }

    /** Links for {@code rows} (in global order) after {@code head}, stopping before a gap that may still fill. */
    private List<Object[]> links(Head head, List<StoredEvent> rows, Instant gapCutoff) {
        List<Object[]> links = new ArrayList<>();
        long expected = head.globalIndex() + 1;
        String previous = head.hash();
        for (StoredEvent row : rows) {
            if (row.globalIndex() > expected && !Instant.parse(row.timestamp()).isBefore(gapCutoff)) {
                break; // the missing index may still commit: wait for it
            }
            for (; expected < row.globalIndex() && links.size() < batchSize; expected++) {
                String gap = ChainLink.ofGap(previous, expected);
                links.add(new Object[] {expected, ChainLink.GAP, previous, gap});
                previous = gap;
            }
            if (expected < row.globalIndex() || links.size() >= batchSize) {
                break; // batch full in the middle of a long gap; the next batch goes on from here
            }
            if (row.globalIndex() != expected) {
                throw new IllegalStateException("hash chain out of step: expected index " + expected + ", read " + row.globalIndex());
            }
            String hash = ChainLink.ofEvent(previous, row);
            links.add(new Object[] {expected, ChainLink.EVENT, previous, hash});
            previous = hash;
            expected++;
        }
        return links;
    }

    /**
     * Chains every row that was in {@code domainevententry} when called (for tests and tools). Fails if that is
     * not done within {@code timeout}, e.g. behind a gap younger than the gap timeout.
     */
    public Head awaitChained(Duration timeout) {
        long target = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        Head head = head();
        while (head.globalIndex() < target) {
            if (chainBatch() == 0) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("hash chain stuck at " + head.globalIndex() + " of " + target
                            + " (a gap younger than " + gapTimeoutMs + " ms?)");
                }
                sleep(Math.min(intervalMs, 50));
            }
            head = head();
        }
        return head;
    }

    private void tick() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_TICK && chainBatch() == batchSize; batch++) {
                // a full batch: there may be more right away
            }
        } catch (RuntimeException failure) {
            // the next tick starts again from the chain's head; nothing half-written survives the rollback
            LOG.warn("hash chain batch failed; retrying in {} ms", intervalMs, failure);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the hash chain", interrupted);
        }
    }

    @Override
    public void start() {
        if (!scheduled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hash-chainer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            // chain the last second's appends before the pool closes, so a stopped store verifies clean
            tick();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
