package nl.taxledger.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.suspense.SuspenseProjection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Feeds events to the four projections through Axon's own annotation adapter, as a streaming
 * processor would: the handlers' parameters (MetaData, tracking token, message id, timestamp)
 * are resolved by Axon, not by the test. Ids, positions and timestamps are deterministic, so a
 * replay of {@link #published()} must rebuild identical tables.
 */
final class EventFeed {

    private static final int REPLAY_BATCH_SIZE = 7;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final List<AnnotationEventHandlerAdapter> projections;
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;

    EventFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = springTransactions(new DataSourceTransactionManager(jdbc.getDataSource()));
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

    /**
     * What a token reset does: every projection's @ResetHandler, then the replay, here in processor batches of
     * {@value #REPLAY_BATCH_SIZE} events (one unit of work each), so batched writes that sum several events'
     * changes must still give the tables that one-by-one delivery gave.
     */
    void resetAndReplay() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        for (int from = 0; from < published.size(); from += REPLAY_BATCH_SIZE) {
            deliver(published.subList(from, Math.min(published.size(), from + REPLAY_BATCH_SIZE)));
        }
    }

    void reset() {
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    private void deliver(EventMessage<?> message) {
        deliver(List.of(message));
    }

    /**
     * One unit of work and one Spring transaction for the batch, as a streaming processor does: the projections
     * write at its commit.
     */
    private void deliver(List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    /** What Axon's SpringTransactionManager does, without pulling axon-spring into this module. */
    private static TransactionManager springTransactions(DataSourceTransactionManager spring) {
        return () -> {
            TransactionStatus status = spring.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    spring.commit(status);
                }

                @Override
                public void rollback() {
                    spring.rollback(status);
                }
            };
        };
    }
}
