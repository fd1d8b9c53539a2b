package nl.taxledger.service.eventstore;

/**
 * One event processor as a health view shows it.
 *
 * @param name         processor name (the processing group)
 * @param segments     number of segments the processor is split into
 * @param position     global index every segment has passed; {@code null} while this instance does not hold
 *                     all segments (for instance one released after a failure) or before the first event
 * @param error        whether a segment is halted on a failing event
 * @param errorMessage the failure, {@code null} without error
 */
public record ProcessorStatus(String name, int segments, Long position, boolean error, String errorMessage) {
}
