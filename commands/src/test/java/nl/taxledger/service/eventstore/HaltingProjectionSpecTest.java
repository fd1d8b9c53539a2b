package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.service.eventstore.TestEvents.Step;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Pitfall: Axon's default error handling logs a failing event handler and moves on, so a projection silently
 * misses a fact. Here a failure halts the projection at that event until the cause is gone.
 */
@SpringBootTest(properties = "ledger.embedded.ephemeral=true")
class HaltingProjectionSpecTest {

    private static final String GROUP = "halting-spec";

    @Autowired
    EventBus eventBus;
    @Autowired
    EventStore eventStore;
    @Autowired
    StepProjection projection;
    @Autowired
    ProjectionSync sync;

    @Test
    void aFailingEventHaltsTheProjectionUntilTheCauseIsRemoved() {
        projection.failOn("poison");
        appendSteps("first", "poison", "after");

        await().atMost(Duration.ofSeconds(30)).until(() -> projection.failures() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> status().error());
        assertThat(projection.handled()).containsExactly("first");
        assertThat(status().errorMessage()).contains("poison");
        assertThatThrownBy(() -> sync.awaitCaughtUp(Duration.ofSeconds(2)))
                .hasMessageContaining(GROUP);

        projection.failOn(null);

        sync.awaitCaughtUp(Duration.ofSeconds(60));
        assertThat(projection.handled()).containsExactly("first", "poison", "after");
        assertThat(status().error()).isFalse();
    }

    private ProcessorStatus status() {
        return sync.status().stream().filter(s -> s.name().equals(GROUP)).findFirst().orElseThrow();
    }

    /** One aggregate, so the events share a sequence and the failure must block the ones after it. */
    private void appendSteps(String... ids) {
        for (int i = 0; i < ids.length; i++) {
            eventBus.publish(new GenericDomainEventMessage<>("TestDebtor", "debtor-1", i, new Step(ids[i])));
        }
    }

    @ProcessingGroup(GROUP)
    static class StepProjection {

        private final List<String> handled = new CopyOnWriteArrayList<>();
        private final AtomicInteger failures = new AtomicInteger();
        private volatile String failOn;

        @EventHandler
        void on(Step step) {
            if (step.id().equals(failOn)) {
                failures.incrementAndGet();
                throw new IllegalStateException("projection cannot take " + step.id());
            }
            handled.add(step.id());
        }

        void failOn(String id) {
            failOn = id;
        }

        int failures() {
            return failures.get();
        }

        List<String> handled() {
            return List.copyOf(handled);
        }
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        StepProjection stepProjection() {
            return new StepProjection();
        }
    }
}
