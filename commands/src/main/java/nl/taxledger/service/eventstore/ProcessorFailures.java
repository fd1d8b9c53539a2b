package nl.taxledger.service.eventstore;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The processors' error handler: it remembers the failure and rethrows it, so the batch rolls back and the
 * processor retries the same event (halts) instead of skipping it.
 *
 * <p>Remembering is needed because a pooled streaming processor releases a failed segment and so drops it from
 * its status: without this record a halted projection would look merely slow.
 */
final class ProcessorFailures implements ErrorHandler {

    /** The failure of a processor, at the lowest global index of the batch that failed. */
    record Failure(String message, long position) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    @Override
    public void handleError(ErrorContext context) throws Exception {
        failures.put(context.eventProcessor(), new Failure(
                Objects.toString(context.error()), lowestPosition(context.failedEvents())));
        if (context.error() instanceof Exception exception) {
            throw exception;
        }
        throw (Error) context.error();
    }

    /** The failure that still holds the processor back; forgotten once every segment has passed it. */
    Failure pending(String processor, Long passedPosition) {
        Failure failure = failures.get(processor);
        if (failure != null && passedPosition != null && passedPosition >= failure.position()) {
            failures.remove(processor, failure);
            return null;
        }
        return failure;
    }

    private static long lowestPosition(Iterable<? extends EventMessage<?>> events) {
        long lowest = Long.MAX_VALUE;
        for (EventMessage<?> event : events) {
            if (event instanceof TrackedEventMessage<?> tracked) {
                TrackingToken token = tracked.trackingToken();
                lowest = Math.min(lowest, token.position().orElse(Long.MAX_VALUE));
            }
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }
}
