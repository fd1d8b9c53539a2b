package nl.taxledger.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.suspense.SuspenseProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Feeds events to the four projections through Axon's own annotation adapter, as a streaming
 * processor would: the handlers' parameters (MetaData, tracking token, message id, timestamp)
 * are resolved by Axon, not by the test. Ids, positions and timestamps are deterministic, so a
 * replay of {@link #published()} must rebuild identical tables.
 */
final class EventFeed {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final List<AnnotationEventHandlerAdapter> projections;
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final JdbcTemplate jdbc;

    EventFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        projections = List.of(
                new AnnotationEventHandlerAdapter(new DebtorBalanceProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new ReconciliationProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new SuspenseProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new DebtorHistoryProjection(jdbc)));
    }

    void publish(Object... events) {
        for (Object event : events) {
            publish(event, MetaData.with("who", "clerk-1").and("why", "test").and("source", "unit-test")
                    .and("commandId", "cmd-" + (published.size() + 1)));
        }
    }

    void publish(Object event, MetaData metaData) {
        long position = published.size() + 1;
        EventMessage<?> message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericEventMessage<>("event-" + position, event, metaData, EPOCH.plusSeconds(position)));
        published.add(message);
        jdbc.update("INSERT INTO domainevententry (globalindex, eventidentifier) VALUES (?, ?) ON CONFLICT DO NOTHING",
                position, message.getIdentifier());
        deliver(message);
    }

    List<EventMessage<?>> published() {
        return List.copyOf(published);
    }

    /** What a token reset does: every projection's @ResetHandler, then the replay. */
    void resetAndReplay() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        published.forEach(this::deliver);
    }

    void reset() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    private void deliver(EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
