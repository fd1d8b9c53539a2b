package nl.taxledger.service.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Replays all events into one projection: stop its processor, move its tokens back to the start, start again.
 * Handlers see {@code @ResetHandler} first, where they clear their tables.
 */
@Component
public class ProjectionRebuild {

    private final EventProcessingConfiguration processing;

    ProjectionRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** @throws IllegalArgumentException when no streaming processor serves the processing group */
    public void rebuild(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No streaming event processor for processing group " + processingGroup));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
