package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.service.eventstore.TestEvents.Step;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pitfall: Axon's default error handling logs a failing event handler and moves on, so a projection silently
 * misses a fact. Here a failure halts the projection at that event until the cause is gone.
 */
@LedgerServiceTest
class HaltingProjectionSpecTest {

    private static final String GROUP = "halting-spec";

    @Autowired
    EventBus eventBus;
    @Autowired
    StepProjection projection;
    @Autowired
    ProjectionSync sync;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void aFailingEventHaltsTheProjectionUntilTheCauseIsRemoved() {
        OwnerConnection.jdbc(environment)
                .execute("create table halting_spec_step (n serial primary key, id text not null)");
        projection.failOn("poison");
        appendStep(0, "first");
        await().atMost(Duration.ofSeconds(30)).until(() -> projectedSteps().contains("first"));
        appendStep(1, "poison");
        appendStep(2, "after");

        await().atMost(Duration.ofSeconds(30)).until(() -> projection.failures() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> status().error());
        assertThat(projectedSteps()).containsExactly("first");
        assertThat(status().errorMessage()).contains("poison");
        assertThatThrownBy(() -> sync.awaitCaughtUp(Duration.ofSeconds(2)))
                .hasMessageContaining(GROUP);

        projection.failOn(null);

        await().atMost(Duration.ofSeconds(60)).until(() -> !status().error());
        sync.awaitCaughtUp(Duration.ofSeconds(60));
        assertThat(projectedSteps()).containsExactly("first", "poison", "after");
        assertThat(status().error()).isFalse();
    }

    private List<String> projectedSteps() {
        return jdbc.queryForList("select id from halting_spec_step order by n", String.class);
    }

    private ProcessorStatus status() {
        return sync.status().stream().filter(s -> s.name().equals(GROUP)).findFirst().orElseThrow();
    }

    /** One aggregate, so the events share a sequence and the failure must block the ones after it. */
    private void appendStep(long sequence, String id) {
        eventBus.publish(new GenericDomainEventMessage<>("TestDebtor", "debtor-1", sequence, new Step(id)));
    }

    /** Writes to PostgreSQL in the processor's transaction, like a real projection, so a failure rolls back. */
    @ProcessingGroup(GROUP)
    static class StepProjection {

        private final JdbcTemplate jdbc;
        private final AtomicInteger failures = new AtomicInteger();
        private volatile String failOn;

        StepProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(Step step) {
            if (step.id().equals(failOn)) {
                failures.incrementAndGet();
                throw new IllegalStateException("projection cannot take " + step.id());
            }
            jdbc.update("insert into halting_spec_step (id) values (?)", step.id());
        }

        void failOn(String id) {
            failOn = id;
        }

        int failures() {
            return failures.get();
        }
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        StepProjection stepProjection(JdbcTemplate jdbc) {
            return new StepProjection(jdbc);
        }
    }
}
