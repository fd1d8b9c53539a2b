package nl.taxledger.projections.batch;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;

/**
 * Which read models a replay rebuilds. The read models share one event processor, so each event is read and
 * deserialised once for all of them (issue 14). A token reset of that processor replays every event into every
 * handler; to rebuild some models alone, the reset carries their names as its context, which Axon keeps in the
 * replay token (in the token store, so it survives a restart or a segment moving to another instance). Those
 * models empty their tables and take the replayed events; the others skip them, because they already hold them.
 * Events after the reset point are new to every model. A reset without a context rebuilds every model.
 */
public final class ReplayScope {

    private static final String SEPARATOR = ",";

    private ReplayScope() {}

    /** The reset context that rebuilds exactly these models. */
    public static String of(Collection<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a rebuild needs at least one read model");
        }
        for (String model : models) {
            if (model.isBlank() || model.contains(SEPARATOR)) {
                throw new IllegalArgumentException("not a read model name: '" + model + "'");
            }
        }
        return String.join(SEPARATOR, new TreeSet<>(models));
    }

    /**
     * The models a reset context rebuilds; empty for a reset without context, which rebuilds all.
     *
     * @throws IllegalStateException for a context this class did not make: guessing could skip a fact
     */
    public static Set<String> models(Object context) {
        if (context == null) {
            return Set.of();
        }
        if (context instanceof String names && !names.isBlank()) {
            return Set.of(names.split(SEPARATOR));
        }
        throw new IllegalStateException("unknown reset context " + context);
    }

    /** Whether a reset with this context rebuilds {@code model}, that is, empties it and replays into it. */
    public static boolean rebuilds(Object context, String model) {
        Set<String> models = models(context);
        return models.isEmpty() || models.contains(model);
    }

    /** Whether {@code model} already holds this event: it is replayed for the sake of other models only. */
    static boolean skips(Message<?> event, String model) {
        if (!ReplayToken.isReplay(event)) {
            return false;
        }
        Object context = event instanceof TrackedEventMessage<?> tracked
                ? ReplayToken.replayContext(tracked.trackingToken(), Object.class)
                        .orElse(null)
                : null;
        return !rebuilds(context, model);
    }
}
