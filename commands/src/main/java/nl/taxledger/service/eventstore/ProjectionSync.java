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
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
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
    /** A waiting query reads the committed tokens again at least this often, signalled or not. */
    static final long RECHECK_MS = 10;

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ProcessorFailures failures;
    private final CommittedTokens committedTokens;
    private final ReadSideSignals signals;

    ProjectionSync(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            ProcessorFailures failures,
            JdbcTemplate jdbc,
            Serializer serializer,
            ReadSideSignals signals) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.failures = failures;
        this.committedTokens = new CommittedTokens(jdbc, serializer);
        this.signals = signals;
    }

    /**
     * Read-your-writes: waits until each named processor (all streaming processors when none is named) has
     * committed its batch holding global position {@code position}, on whichever instance holds its segments; at
     * most {@code bound}. Woken when a processor of this instance commits, and looks again every
     * {@value #RECHECK_MS} ms for the others (and for batches that handled no event, which raise nothing).
     *
     * @throws ReadModelBehind when the bound passes first, with every processor's position
     */
    public void awaitPosition(long position, Collection<String> processors, Duration bound) {
        // a query names the read models it reads; their tokens are kept under the processor that runs them
        Collection<String> names = processors.isEmpty()
                ? processorNames()
                : processors.stream().map(this::processorOf).distinct().toList();
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            long seen = signals.processed.count();
            if (committedTokens.allReached(names, position)) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ReadModelBehind(
                        position,
                        Duration.ofNanos(System.nanoTime() - start).toMillis(),
                        committedTokens.positions(names));
            }
            try {
                signals.processed.awaitAfter(seen, Math.min(remaining, EventSignal.toNanos(RECHECK_MS)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for position " + position, interrupted);
            }
        }
    }

    /** The processor that runs a read model's processing group (one for all read models: issue 14). */
    private String processorOf(String processingGroup) {
        return processing
                .eventProcessorByProcessingGroup(processingGroup)
                .map(org.axonframework.eventhandling.EventProcessor::getName)
                .orElse(processingGroup);
    }

    /** The names of this instance's streaming processors (the processing groups of the read models). */
    public List<String> processorNames() {
        return streamingProcessors().stream()
                .map(StreamingEventProcessor::getName)
                .toList();
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
