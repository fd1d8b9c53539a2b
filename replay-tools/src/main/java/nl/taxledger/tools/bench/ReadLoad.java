package nl.taxledger.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import org.HdrHistogram.Histogram;

/**
 * A steady read load while commands are written: one thread asks for debtor statements at a fixed rate
 * (the real {@link DebtorAccountQuery#find}), alternating with the raw baseline, a one-row primary-key
 * select on the same table over plain JDBC. Runs only while {@link #resume() resumed}; bounded in count.
 */
final class ReadLoad implements AutoCloseable {
    static final long MAX_QUERIES = 50_000_000;

    private final DebtorAccountQuery statements;
    private final DataSource dataSource;
    private final int debtors;
    private final long intervalNanos;
    private final Histogram statementNanos = Throughput.newHistogram();
    private final Histogram rawNanos = Throughput.newHistogram();
    private final Thread reader;
    private volatile boolean active;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    ReadLoad(DebtorAccountQuery statements, DataSource dataSource, int debtors, int queriesPerSecond, long seed) {
        if (queriesPerSecond < 1 || queriesPerSecond > 100_000) {
            throw new IllegalArgumentException("read rate must be in 1..100000 per second: " + queriesPerSecond);
        }
        this.statements = statements;
        this.dataSource = dataSource;
        this.debtors = debtors;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / queriesPerSecond;
        this.reader = new Thread(() -> readUntilClosed(new SplittableRandom(seed)), "bench-read-load");
        reader.setDaemon(true);
        reader.start();
    }

    void resume() {
        active = true;
    }

    void pause() {
        active = false;
    }

    private void readUntilClosed(SplittableRandom random) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement raw = connection.prepareStatement("SELECT credit_cents FROM balance_debtor WHERE debtor_id = ?")) {
            long queries = 0;
            long next = System.nanoTime();
            while (!closed && queries < MAX_QUERIES) {
                if (!active) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    next = System.nanoTime();
                    continue;
                }
                String debtorId = String.format("S%07d", 1 + random.nextInt(debtors));
                long started = System.nanoTime();
                if (queries % 2 == 0) {
                    statements.find(debtorId);
                    record(statementNanos, started);
                } else {
                    rawLookup(raw, debtorId);
                    record(rawNanos, started);
                }
                queries++;
                next += intervalNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (SQLException | RuntimeException e) {
            failure = new IllegalStateException("the read load failed", e);
        }
    }

    private static void rawLookup(PreparedStatement raw, String debtorId) throws SQLException {
        raw.setString(1, debtorId);
        try (ResultSet rows = raw.executeQuery()) {
            while (rows.next()) {
                rows.getLong(1);
            }
        }
    }

    private void record(Histogram histogram, long started) {
        synchronized (this) {
            Throughput.record(histogram, System.nanoTime() - started);
        }
    }

    synchronized long statementCount() {
        return statementNanos.getTotalCount();
    }

    synchronized double statementMillisAt(double percentile) {
        return statementNanos.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized double rawMillisAt(double percentile) {
        return rawNanos.getValueAtPercentile(percentile) / 1e6;
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
