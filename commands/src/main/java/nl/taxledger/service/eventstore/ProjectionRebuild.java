package nl.taxledger.service.eventstore;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.taxledger.projections.batch.ReplayScope;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

/**
 * Replays all events into a read model: stop its processor, move its tokens back to the start, start again.
 * Handlers see {@code @ResetHandler} first, where the models being rebuilt clear their tables.
 *
 * <p>The read models share one processor ({@code ReadModels}). Rebuilding one of them alone resets that processor
 * with the model's name as the reset context: the whole store is read again, the named model takes the replayed
 * events and the others skip them ({@code ReplayScope}). Meanwhile the other models see new events only once the
 * replay has passed the reset point, so they fall behind for as long as the rebuild takes; rebuilding them all
 * costs no more time than rebuilding one.
 */
@Component
public class ProjectionRebuild {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;

    ProjectionRebuild(EventProcessingConfiguration processing, TokenStore tokenStore) {
        this.processing = processing;
        this.tokenStore = tokenStore;
    }

    /**
     * Rebuilds one read model (its processing group) or, given a processor's name, every model of that processor.
     * Synchronised: two rebuilds at once would each read the other's half-reset tokens.
     *
     * @throws IllegalArgumentException when no streaming processor serves the name
     */
    public synchronized void rebuild(String processingGroupOrProcessor) {
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(processingGroupOrProcessor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No streaming event processor for processing group " + processingGroupOrProcessor));
        Object resetContext = processor.getName().equals(processingGroupOrProcessor)
                ? null
                : resetContext(processor, processingGroupOrProcessor);
        processor.shutDown();
        if (resetContext == null) {
            processor.resetTokens();
        } else {
            processor.resetTokens(resetContext);
        }
        processor.start();
    }

    /**
     * The reset context that rebuilds {@code model} and every model a replay still running rebuilds: a new reset
     * replaces the replay token, so a model half way through its own rebuild must be named again or it would skip
     * the rest. {@code null} (rebuild all, always correct) when a running replay rebuilds all, or when this
     * instance does not hold every segment and so cannot see every segment's replay.
     */
    private Object resetContext(StreamingEventProcessor processor, String model) {
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        if (claimed.size() != segments) {
            return null;
        }
        Set<String> models = new TreeSet<>(List.of(model));
        for (EventTrackerStatus segment : claimed.values()) {
            TrackingToken token = segment.getTrackingToken();
            if (token != null && ReplayToken.isReplay(token)) {
                Set<String> replaying = ReplayScope.models(
                        ReplayToken.replayContext(token, Object.class).orElse(null));
                if (replaying.isEmpty()) {
                    return null;
                }
                models.addAll(replaying);
            }
        }
        return ReplayScope.of(models);
    }
}
