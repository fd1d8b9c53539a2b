package nl.taxledger.service.eventstore;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The processors' source of events: the JDBC storage engine, read again when {@link ReadSideSignals#appended} is
 * raised rather than on a timer.
 *
 * <p>Why not Axon's {@code EmbeddedEventStore}: its streams do not support
 * {@link BlockingStream#setOnAvailableCallback}, so a caught-up pooled processor's coordinator looks again only
 * every 500 ms, and its shared reader polls the table every second for events of other instances (fetchDelay) — the
 * ~0.5–1.5 s between a command's answer and its effect being readable (BENCHMARKS.md, figure f). Here the callback is
 * supported: a commit on this instance, or PostgreSQL's notification of one on any instance, schedules every
 * coordinator at once, and it reads from its token.
 *
 * <p>Gaps are untouched: every read is the engine's own {@code readEvents} from the stream's last token, which
 * carries the gaps and fetches them again until they fill or time out (the settings of
 * {@link JdbcEventStoreConfiguration}). Should a signal be lost, a stream still reads every
 * {@value #FALLBACK_READ_MS} ms when asked.
 *
 * <p>Reads are at least {@code minReadIntervalMs} apart (setting {@code ledger.processing.min-read-interval-ms}): a
 * stream asked for events with a signal pending inside that time waits out the rest of it on the asking thread (the
 * processor's own coordinator), then reads once for every commit of that time. It never answers "none" while a
 * signal is pending: a coordinator told "none" waits for its next callback, and a deferred callback (the first
 * version) lost a wake-up now and then (ReadYourWritesTest). Why coalesce: woken by every commit, a processor read
 * and processed one event per batch under load, each batch its own transaction and token update, and the payment
 * days ran at 141–158 events/s against 241 with polling (BENCHMARKS.md, "Read-model lag"); a few milliseconds let
 * a batch gather the commits of that time, at a bounded price in lag.
 */
final class WakeableEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    /** A stream asked for events reads the table at least this often, signal or not. */
    static final long FALLBACK_READ_MS = 1_000;

    private final EventStorageEngine engine;
    private final EventSignal appended;
    private final long minReadIntervalNanos;

    WakeableEventSource(EventStorageEngine engine, ReadSideSignals signals, long minReadIntervalMs) {
        if (minReadIntervalMs < 0 || minReadIntervalMs >= FALLBACK_READ_MS) {
            throw new IllegalArgumentException("min-read-interval-ms must be 0.." + (FALLBACK_READ_MS - 1));
        }
        this.engine = engine;
        this.appended = signals.appended;
        this.minReadIntervalNanos = EventSignal.toNanos(minReadIntervalMs);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakeableStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /** One processor's stream: used by its coordinator thread only; the callback may run on any thread. */
    private final class WakeableStream implements BlockingStream<TrackedEventMessage<?>> {
        private TrackingToken lastRead;
        private Stream<? extends TrackedEventMessage<?>> batch;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        /** The signal's count before the last read: any raise after it may announce events that read missed. */
        private long signalBeforeRead = -1;

        private long lastReadNanos;
        private Runnable callback;

        private WakeableStream(TrackingToken from) {
            this.lastRead = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (peeked == null && !takeNext()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                appended.awaitAfter(signalBeforeRead, Math.min(remaining, EventSignal.toNanos(FALLBACK_READ_MS)));
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return peeked != null || takeNext();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // a bounded wait inside; asked for the next event, this blocks until there is one, as specified
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /** The next event of the open read, or of a new read when one may find more; false when none. */
        private boolean takeNext() {
            if (events == null || !events.hasNext()) {
                closeBatch();
                if (!mayHaveMore()) {
                    return false;
                }
                signalBeforeRead = appended.count();
                lastReadNanos = System.nanoTime();
                batch = engine.readEvents(lastRead, false);
                events = batch.iterator();
                if (!events.hasNext()) {
                    closeBatch();
                    return false;
                }
            }
            peeked = events.next();
            lastRead = peeked.trackingToken();
            return true;
        }

        private boolean mayHaveMore() {
            long sinceReadNanos = System.nanoTime() - lastReadNanos;
            if (sinceReadNanos >= EventSignal.toNanos(FALLBACK_READ_MS)) {
                return true;
            }
            if (appended.count() == signalBeforeRead) {
                return false;
            }
            long leftNanos = minReadIntervalNanos - sinceReadNanos;
            if (leftNanos > 0) {
                // at most the setting (below FALLBACK_READ_MS); the commits of this time join the read
                LockSupport.parkNanos(leftNanos);
            }
            return true;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                appended.remove(this.callback);
            }
            this.callback = callback;
            appended.onRaise(callback);
            return true;
        }

        @Override
        public void close() {
            closeBatch();
            if (callback != null) {
                appended.remove(callback);
                callback = null;
            }
        }

        private void closeBatch() {
            if (batch != null) {
                batch.close();
                batch = null;
                events = null;
            }
        }
    }
}
