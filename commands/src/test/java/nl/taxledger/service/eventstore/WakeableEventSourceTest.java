package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * A processor's stream reads when new events were signalled, but not more often than the minimum interval: a
 * signal inside it is answered by one read when it has passed, and the waiting coordinator is called back then.
 */
class WakeableEventSourceTest {
    private static final long INTERVAL_MS = 200;

    @Test
    void a_signal_within_the_interval_is_read_once_the_interval_has_passed_and_the_coordinator_is_called_back()
            throws Exception {
        EventStorageEngine engine = mock(EventStorageEngine.class);
        when(engine.readEvents(any(), anyBoolean())).thenAnswer(call -> Stream.empty());
        ReadSideSignals signals = new ReadSideSignals();
        WakeableEventSource source = new WakeableEventSource(engine, signals, INTERVAL_MS);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            CountDownLatch calledBack = new CountDownLatch(1);
            stream.setOnAvailableCallback(calledBack::countDown);
            assertThat(stream.hasNextAvailable()).isFalse(); // the first look reads
            verify(engine, times(1)).readEvents(any(), anyBoolean());

            signals.appended.raise();
            signals.appended.raise();
            assertThat(stream.hasNextAvailable()).isFalse();
            verify(engine, times(1)).readEvents(any(), anyBoolean()); // not yet: inside the interval

            CountDownLatch later = new CountDownLatch(1);
            stream.setOnAvailableCallback(later::countDown);
            assertThat(stream.hasNextAvailable()).isFalse(); // still inside: schedules the call back
            assertThat(later.await(5, TimeUnit.SECONDS))
                    .as("called back when the interval passed")
                    .isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();
            verify(engine, times(2)).readEvents(any(), anyBoolean()); // both signals, one read
        } finally {
            source.close();
        }
    }

    @Test
    void without_an_interval_every_signal_is_read_at_once() {
        EventStorageEngine engine = mock(EventStorageEngine.class);
        when(engine.readEvents(any(), anyBoolean())).thenAnswer(call -> Stream.empty());
        ReadSideSignals signals = new ReadSideSignals();
        WakeableEventSource source = new WakeableEventSource(engine, signals, 0);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.hasNextAvailable();
            signals.appended.raise();
            stream.hasNextAvailable();

            verify(engine, times(2)).readEvents(any(), anyBoolean());
        } finally {
            source.close();
        }
    }
}
