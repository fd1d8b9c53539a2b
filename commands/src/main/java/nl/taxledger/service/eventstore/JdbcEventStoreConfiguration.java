package nl.taxledger.service.eventstore;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The event store in our own PostgreSQL, with tables owned by Flyway ({@code V1__axon_event_store.sql}).
 *
 * <p>Not active in the {@code axonserver} profile: there Axon Server is the event store and these beans would
 * compete with it. Token store and projections stay in PostgreSQL in both set-ups.
 *
 * <h2>Gaps</h2>
 * The global index comes from a sequence, so a transaction that takes index n and commits after n+1 is visible
 * later than its successor. Streaming processors then hold n as a "gap" in their token and keep looking for it.
 * Axon gives up on a gap (skips the event for good) when the event after it is older than {@code gapTimeout}
 * or lies more than {@code maxGapOffset} positions further. We make sure that can only happen to a gap that can
 * no longer be filled:
 * <ul>
 *   <li>every PostgreSQL transaction is cut off after {@value #TRANSACTION_BOUND_MINUTES} minutes
 *       ({@code transaction_timeout}, plus statement and idle-in-transaction timeouts, set on every pooled
 *       connection in application.yml). The index holder started before the later event's transaction took its
 *       index, which itself ended within the bound of that event's timestamp, so by
 *       2 x {@value #TRANSACTION_BOUND_MINUTES} minutes after the later event's timestamp the gap is either
 *       filled or rolled back for good;</li>
 *   <li>{@code gapTimeout} is {@value #GAP_TIMEOUT_MINUTES} minutes, above that double bound;</li>
 *   <li>{@code maxGapOffset} is {@value #MAX_GAP_OFFSET}: a batch import may append that many events while one
 *       slow transaction is still open; the cost is only that rolled-back indexes stay in the token longer.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Profile("!axonserver")
public class JdbcEventStoreConfiguration {

    static final int TRANSACTION_BOUND_MINUTES = 10;
    public static final int GAP_TIMEOUT_MINUTES = 30;
    static final int MAX_GAP_OFFSET = 1_000_000;

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${ledger.event-store.fetch-size:100}") int fetchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .dataType(byte[].class)
                .batchSize(fetchSize)
                .gapTimeout((int) Duration.ofMinutes(GAP_TIMEOUT_MINUTES).toMillis())
                .maxGapOffset(MAX_GAP_OFFSET)
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }
}
