package nl.taxledger.service.eventstore;

import java.util.Map;

/**
 * A query asked for a read model at {@code minPosition} and the read model did not reach it within the bound.
 * {@code positions}: per processor the position every one of its segments has passed (null: a segment without a
 * token, such as one just reset), so the caller sees how far behind it is.
 */
public class ReadModelBehind extends RuntimeException {
    private final long minPosition;
    private final long waitedMs;
    private final transient Map<String, Long> positions;

    ReadModelBehind(long minPosition, long waitedMs, Map<String, Long> positions) {
        super("the read model did not reach position " + minPosition + " within " + waitedMs + " ms: " + positions);
        this.minPosition = minPosition;
        this.waitedMs = waitedMs;
        this.positions = positions;
    }

    public long minPosition() {
        return minPosition;
    }

    public long waitedMs() {
        return waitedMs;
    }

    public Map<String, Long> positions() {
        return positions;
    }
}
