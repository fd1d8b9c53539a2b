package nl.taxledger.service.eventstore;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The processors' tokens as committed in {@code tokenentry}, read without claiming them (Axon's token store claims
 * what it fetches). A token commits with its batch's projection rows, so a token past a position means the read
 * model shows that position's event, whichever instance processed it.
 */
final class CommittedTokens {
    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;

    CommittedTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.serializer = serializer;
    }

    /** True when every segment of every named processor has processed {@code position}. */
    boolean allReached(Collection<String> processors, long position) {
        Map<String, List<TrackingToken>> tokens = tokens(processors);
        for (String processor : processors) {
            List<TrackingToken> segments = tokens.get(processor);
            if (segments == null || !segments.stream().allMatch(token -> processed(token, position))) {
                return false;
            }
        }
        return true;
    }

    /** Per processor the lowest index of its segments; null when a segment (or the processor) has no token. */
    Map<String, Long> positions(Collection<String> processors) {
        Map<String, List<TrackingToken>> tokens = tokens(processors);
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String processor : processors) {
            Long lowest = null;
            for (TrackingToken token : tokens.getOrDefault(processor, List.of())) {
                TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
                if (lower == null || lower.position().isEmpty()) {
                    lowest = null;
                    break;
                }
                lowest = lowest == null
                        ? lower.position().getAsLong()
                        : Math.min(lowest, lower.position().getAsLong());
            }
            positions.put(processor, lowest);
        }
        return positions;
    }

    /**
     * Processed: the token's index is at or past the position, and the position is not one of its gaps (an event
     * that committed after later ones is a gap until the processor has read it).
     */
    static boolean processed(TrackingToken token, long position) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1) >= position;
    }

    private Map<String, List<TrackingToken>> tokens(Collection<String> processors) {
        Map<String, List<TrackingToken>> tokens = new LinkedHashMap<>();
        if (processors.isEmpty()) {
            return tokens;
        }
        jdbc.query(
                "SELECT processorname, token, tokentype FROM tokenentry WHERE processorname IN (:names)",
                Map.of("names", processors),
                row -> {
                    byte[] bytes = row.getBytes("token");
                    String type = row.getString("tokentype");
                    TrackingToken token = bytes == null || type == null
                            ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                    tokens.computeIfAbsent(row.getString("processorname"), name -> new java.util.ArrayList<>())
                            .add(token);
                });
        return tokens;
    }
}
