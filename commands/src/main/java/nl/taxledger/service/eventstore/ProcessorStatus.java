package nl.taxledger.service.eventstore;

import java.util.List;

/**
 * One event processor as a health view shows it.
 *
 * @param name         processor name
 * @param models       the read models (processing groups) it feeds; they advance, halt and lag together
 * @param segments     number of segments the processor is split into
 * @param position     global index every segment has passed; {@code null} while this instance does not hold
 *                     all segments (for instance one released after a failure) or before the first event
 * @param error        whether a segment is halted on a failing event
 * @param errorMessage the failure, {@code null} without error
 */
public record ProcessorStatus(
        String name, List<String> models, int segments, Long position, boolean error, String errorMessage) {

    public ProcessorStatus {
        models = List.copyOf(models);
    }
}
