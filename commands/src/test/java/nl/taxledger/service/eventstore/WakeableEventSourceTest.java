package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * A processor's stream reads when new events were signalled, but not more often than the minimum interval: asked
 * inside it with a signal pending, it waits out the rest of the interval and reads once for every signal of that
 * time; it never answers "nothing new" while a signal is pending (that would leave the coordinator waiting).
 */
class WakeableEventSourceTest {
    private static final long INTERVAL_MS = 200;

    private static EventStorageEngine emptyStore() {
        EventStorageEngine engine = mock(EventStorageEngine.class);
        when(engine.readEvents(any(), anyBoolean())).thenAnswer(call -> Stream.empty());
        engine.readEvents(null, false).close(); // Mockito's first answer is slow; the timing below is the stream's
        clearInvocations(engine);
        return engine;
    }

    @Test
    void signals_within_the_interval_are_read_once_when_it_has_passed() {
        EventStorageEngine engine = emptyStore();
        ReadSideSignals signals = new ReadSideSignals();
        try (BlockingStream<TrackedEventMessage<?>> stream =
                new WakeableEventSource(engine, signals, INTERVAL_MS).openStream(null)) {
            stream.hasNextAvailable(); // the first look reads
            long firstReadNanos = System.nanoTime();
            signals.appended.raise();
            signals.appended.raise();

            stream.hasNextAvailable();

            long waitedMs = (System.nanoTime() - firstReadNanos) / 1_000_000;
            assertThat(waitedMs).as("waited out the interval").isGreaterThanOrEqualTo(INTERVAL_MS - 5);
            verify(engine, times(2)).readEvents(any(), anyBoolean()); // two signals, one read
            stream.hasNextAvailable();
            verify(engine, times(2)).readEvents(any(), anyBoolean()); // nothing signalled since: no read
        }
    }

    @Test
    void without_an_interval_every_signal_is_read_at_once() {
        EventStorageEngine engine = emptyStore();
        ReadSideSignals signals = new ReadSideSignals();
        try (BlockingStream<TrackedEventMessage<?>> stream =
                new WakeableEventSource(engine, signals, 0).openStream(null)) {
            stream.hasNextAvailable();
            signals.appended.raise();
            stream.hasNextAvailable();

            verify(engine, times(2)).readEvents(any(), anyBoolean());
        }
    }
}
