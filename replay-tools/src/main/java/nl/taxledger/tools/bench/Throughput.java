package nl.taxledger.tools.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Commands, events and wall time of one kind of work, with the latency of each command. */
final class Throughput {
    /** Latencies up to one minute are recorded at three significant digits; longer ones are clamped. */
    static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram latencyNanos = new Histogram(MAX_LATENCY_NANOS, 3);
    private long commands;
    private long events;
    private long wallNanos;

    synchronized void add(Histogram latencies, long commandCount, long eventCount, long elapsedNanos) {
        latencyNanos.add(latencies);
        commands += commandCount;
        events += eventCount;
        wallNanos += elapsedNanos;
    }

    static Histogram newHistogram() {
        return new Histogram(MAX_LATENCY_NANOS, 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_LATENCY_NANOS));
    }

    synchronized long commands() {
        return commands;
    }

    synchronized long events() {
        return events;
    }

    synchronized double seconds() {
        return wallNanos / 1e9;
    }

    synchronized double commandsPerSecond() {
        return wallNanos == 0 ? 0 : commands / seconds();
    }

    synchronized double eventsPerSecond() {
        return wallNanos == 0 ? 0 : events / seconds();
    }

    synchronized double p50Millis() {
        return latencyNanos.getValueAtPercentile(50) / 1e6;
    }

    synchronized double p99Millis() {
        return latencyNanos.getValueAtPercentile(99) / 1e6;
    }
}
