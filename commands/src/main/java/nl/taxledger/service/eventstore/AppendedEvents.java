package nl.taxledger.service.eventstore;

import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events this transaction published, counted as they are published (a dispatch interceptor on the event
 * store), so the command path knows whether a command appended any and, if so, the global position of its last
 * one. After the transaction commits, the processors of this instance are woken at once ({@link ReadSideSignals}),
 * without waiting for PostgreSQL's notification.
 */
@Component
public class AppendedEvents implements SmartInitializingSingleton {
    /** The key of this transaction's count among Spring's transaction resources. */
    private static final Object COUNT = new Object();

    private final EventStore eventStore;
    private final ReadSideSignals signals;
    private final JdbcTemplate jdbc;
    private final boolean jdbcStore;

    AppendedEvents(
            EventStore eventStore,
            ReadSideSignals signals,
            JdbcTemplate jdbc,
            ObjectProvider<EventStorageEngine> engine) {
        this.eventStore = eventStore;
        this.signals = signals;
        this.jdbc = jdbc;
        this.jdbcStore = engine.getIfAvailable() instanceof JdbcEventStorageEngine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MessageDispatchInterceptor<EventMessage<?>> counter = messages -> {
            count(messages.size());
            return (index, message) -> message;
        };
        eventStore.registerDispatchInterceptor(counter);
    }

    /** How many events this transaction has published so far; 0 outside a transaction. */
    public long publishedInTransaction() {
        AtomicLong count = (AtomicLong) TransactionSynchronizationManager.getResource(COUNT);
        return count == null ? 0 : count.get();
    }

    /**
     * The global index of the last event this transaction appended to the JDBC event store: the sequence's value
     * in this session, read after the command's unit of work has written its events. Null when the events are not
     * written yet (a command sent inside another unit of work writes them with that one) or the store is not ours.
     * Call only after {@link #publishedInTransaction()} grew: before any append the session has no such value.
     */
    public Long lastAppendedPosition() {
        if (!jdbcStore || CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return jdbc.queryForObject("SELECT currval('domainevententry_globalindex_seq')", Long.class);
    }

    private void count(int events) {
        if (events == 0 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        AtomicLong count = (AtomicLong) TransactionSynchronizationManager.getResource(COUNT);
        if (count == null) {
            count = new AtomicLong();
            TransactionSynchronizationManager.bindResource(COUNT, count);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signals.appended.raise();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(COUNT);
                }
            });
        }
        count.addAndGet(events);
    }
}
