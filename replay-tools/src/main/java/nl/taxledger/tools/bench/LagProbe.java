package nl.taxledger.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.HdrHistogram.Histogram;

/**
 * Figure f, the read-model lag: from a command's answer (its transaction committed) until every read model has
 * processed the command's last event ({@link ProjectionSync#awaitPosition}, the wait behind a query's
 * {@code Ledger-Min-Position}). The driver threads {@link #offer} each answered command; one probe thread takes
 * the newest offer whenever it is free, so a sample is measured from its own answer and never queues behind
 * another (the samples are the commands that arrive while the probe is idle). Bounded: at most
 * {@value #MAX_SAMPLES} samples, each waiting at most {@link #MAX_WAIT}.
 */
final class LagProbe implements AutoCloseable {
    static final long MAX_SAMPLES = 10_000_000;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private record Sample(long position, long answeredNanos) {}

    private final ProjectionSync sync;
    private final List<String> processors;
    private final AtomicReference<Sample> newest = new AtomicReference<>();
    private final Histogram lagNanos = Throughput.newHistogram();
    private final Thread probe;
    private volatile boolean active;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    LagProbe(ProjectionSync sync) {
        this.sync = sync;
        this.processors = sync.processorNames();
        this.probe = new Thread(this::probeUntilClosed, "bench-lag-probe");
        probe.setDaemon(true);
        probe.start();
    }

    void resume() {
        active = true;
    }

    void pause() {
        active = false;
    }

    /** A command was answered just now with {@code position} (null: it appended nothing, nothing to see). */
    void offer(Long position) {
        if (active && position != null) {
            newest.set(new Sample(position, System.nanoTime()));
        }
    }

    private void probeUntilClosed() {
        try {
            long samples = 0;
            while (!closed && samples < MAX_SAMPLES) {
                Sample sample = newest.getAndSet(null);
                if (sample == null) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    continue;
                }
                sync.awaitPosition(sample.position(), processors, MAX_WAIT);
                long lag = System.nanoTime() - sample.answeredNanos();
                synchronized (this) {
                    Throughput.record(lagNanos, lag);
                }
                samples++;
            }
        } catch (RuntimeException e) {
            failure = new IllegalStateException("the lag probe failed", e);
        }
    }

    synchronized long count() {
        return lagNanos.getTotalCount();
    }

    synchronized double millisAt(double percentile) {
        return lagNanos.getValueAtPercentile(percentile) / 1e6;
    }

    @Override
    public void close() {
        closed = true;
        try {
            probe.join(MAX_WAIT.toMillis() + TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
