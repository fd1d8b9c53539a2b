package nl.taxledger.service.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.taxledger.service.eventstore.ProcessorStatus;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health component {@code projections}: DOWN while any projection's processor is halted, that is stopped (shut
 * down, or its error handler gave up) or held on a failing event. The details (shown to a signed-in SUPERVISOR
 * only, application.yml) name each halted read model with its processor and error: the read models share one
 * processor, so a failure in one halts all of them, and each is named.
 *
 * <p>Also gauges per read model, tagged with its processor and its model, an operator can alert on: {@value #HALTED}
 * (1 halted, 0 running) and {@value #LAG} (events stored after the position every segment has passed; -1 while
 * unknown, e.g. a segment not claimed). A processor that feeds no read model is tagged with its own name as model.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {
    static final String HALTED = "ledger.projection.halted";
    static final String LAG = "ledger.projection.lag";

    private final ProjectionSync sync;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ObjectProvider<MeterRegistry> meters;

    ProjectionsHealthIndicator(
            ProjectionSync sync,
            EventProcessingConfiguration processing,
            EventStore eventStore,
            ObjectProvider<MeterRegistry> meters) {
        this.sync = sync;
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @Override
    public Health health() {
        Map<String, Object> halted = new LinkedHashMap<>();
        for (ProcessorStatus status : sync.status()) {
            haltedBecause(status).ifPresent(reason -> status.models()
                    .forEach(model -> halted.put(model, "processor " + status.name() + " " + reason)));
        }
        return (halted.isEmpty() ? Health.up() : Health.down().withDetail("halted", halted)).build();
    }

    /** Why the processor is halted, or empty while it runs. */
    private Optional<String> haltedBecause(ProcessorStatus status) {
        if (status.error()) {
            return Optional.of("error: " + status.errorMessage());
        }
        Optional<StreamingEventProcessor> processor = processor(status.name());
        if (processor.isEmpty() || !processor.get().isRunning()) {
            return Optional.of("stopped");
        }
        if (processor.get().isError()) {
            return Optional.of("error (the processor reports one; see its log)");
        }
        return Optional.empty();
    }

    /** Once the application runs, when Axon has built every processor. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        meters.ifAvailable(this::bindTo);
    }

    private void bindTo(MeterRegistry registry) {
        for (ProcessorStatus status : sync.status()) {
            String name = status.name();
            for (String model : status.models()) {
                Gauge.builder(HALTED, () -> halted(name) ? 1 : 0)
                        .tag("processor", name)
                        .tag("model", model)
                        .description(
                                "1 while the read model's processor is halted (stopped or held on a failing event)")
                        .register(registry);
                Gauge.builder(LAG, () -> lag(name))
                        .tag("processor", name)
                        .tag("model", model)
                        .description("events stored after the position of the read model's processor; -1 while unknown")
                        .baseUnit("events")
                        .register(registry);
            }
        }
    }

    private boolean halted(String name) {
        return statusOf(name).flatMap(this::haltedBecause).isPresent();
    }

    private long lag(String name) {
        Long position = statusOf(name).map(ProcessorStatus::position).orElse(null);
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition < 0) {
            return 0;
        }
        return position == null ? -1 : Math.max(0, headPosition - position);
    }

    private Optional<ProcessorStatus> statusOf(String name) {
        return sync.status().stream()
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
