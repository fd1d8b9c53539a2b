package nl.taxledger.service.eventstore;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import nl.taxledger.projections.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for callers that need projections to reflect what was just appended (scenario runner,
 * tests), and the processor view for health endpoints.
 *
 * <p>A processor counts as caught up only when this instance holds every one of its segments: a segment released
 * after a failure has no position here, and the others running ahead must not hide it.
 */
@Component
public class ProjectionSync {

    private static final long POLL_MILLIS = 25;

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ProcessorFailures failures;

    ProjectionSync(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            ProcessorFailures failures) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.failures = failures;
    }

    /**
     * Waits until every streaming processor has processed the event store's current head.
     *
     * @throws IllegalStateException when a processor is halted on a failing event or the timeout passes first
     */
    public void awaitCaughtUp(Duration timeout) {
        long head = headPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allReached(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Projections did not reach position " + head + " within " + timeout + ": " + status());
            }
            sleep();
        }
    }

    /** The streaming processors of this instance. */
    public List<ProcessorStatus> status() {
        return streamingProcessors().stream().map(this::statusOf).toList();
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private boolean allReached(long head) {
        boolean reached = true;
        for (StreamingEventProcessor processor : streamingProcessors()) {
            ProcessorStatus status = statusOf(processor);
            if (status.error()) {
                throw new IllegalStateException(
                        "Event processor " + status.name() + " is halted: " + status.errorMessage());
            }
            reached &= head < 0 || (status.position() != null && status.position() >= head);
        }
        return reached;
    }

    private Collection<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private ProcessorStatus statusOf(StreamingEventProcessor processor) {
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        Long position = segments > 0 && claimed.size() == segments ? lowestPosition(claimed.values()) : null;
        ProcessorFailures.Failure failure = failures.pending(processor.getName(), position);
        return new ProcessorStatus(
                processor.getName(),
                modelsOf(processor),
                segments,
                position,
                failure != null,
                failure == null ? null : failure.message());
    }

    /** The read models the processor feeds; a processor that is no read model's stands for itself. */
    private List<String> modelsOf(StreamingEventProcessor processor) {
        List<String> models = ReadModels.PROCESSING_GROUPS.stream()
                .filter(group -> processing
                        .eventProcessorByProcessingGroup(group)
                        .filter(owner -> owner == processor)
                        .isPresent())
                .toList();
        return models.isEmpty() ? List.of(processor.getName()) : models;
    }

    /** The lowest position is what every segment has passed; an unknown position means nothing is. */
    private static Long lowestPosition(Collection<EventTrackerStatus> segments) {
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return null;
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return lowest;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for projections", e);
        }
    }
}
