package nl.taxledger.service.eventstore;

import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The wiring of read-your-writes (README.md "Reading your own writes"): the two signals, PostgreSQL's
 * notifications and the processors' wakeable source (the JDBC event store only: Axon Server's streams wake their
 * processors themselves), and the signal a processor raises when its batch, token included, has committed.
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWritesConfiguration {
    /** The key of "this batch already raises the signal" among a unit of work's resources. */
    private static final String PROCESSED_KEY = ReadYourWritesConfiguration.class.getName() + ".processed";

    @Bean
    ReadSideSignals readSideSignals() {
        return new ReadSideSignals();
    }

    @Bean
    @Profile("!axonserver")
    EventNotifications eventNotifications(DataSource dataSource, ReadSideSignals signals) {
        return new EventNotifications(dataSource, signals);
    }

    /**
     * {@code ledger.processing.wake-on-events=false} gives the processors Axon's polling event store again: only to
     * measure what waking them is worth (BENCHMARKS.md, figure f "before").
     */
    @Bean
    @Profile("!axonserver")
    @ConditionalOnProperty(name = "ledger.processing.wake-on-events", havingValue = "true", matchIfMissing = true)
    WakeableEventSource wakeableEventSource(
            EventStorageEngine engine,
            ReadSideSignals signals,
            @Value("${ledger.processing.min-read-interval-ms:25}") long minReadIntervalMs) {
        return new WakeableEventSource(engine, signals, minReadIntervalMs);
    }

    /**
     * Once per batch, after its transaction (projection rows and token) committed: wake the waiting queries. Only
     * the streaming processors' batches: the command-side lookups run in the command's own transaction, and a
     * signal per command woke every waiting query for nothing (each wake reads the token store again).
     */
    @Bean
    ConfigurerModule processedSignal(ReadSideSignals signals) {
        MessageHandlerInterceptor<EventMessage<?>> afterCommit = (unitOfWork, chain) -> {
            var root = unitOfWork.root();
            if (root.resources().putIfAbsent(PROCESSED_KEY, Boolean.TRUE) == null) {
                root.afterCommit(committed -> signals.processed.raise());
            }
            return chain.proceed();
        };
        MessageHandlerInterceptor<EventMessage<?>> none = (unitOfWork, chain) -> chain.proceed();
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((axon, processorName) ->
                        EventProcessingConfiguration.COMMAND_LOOKUPS.equals(processorName) ? none : afterCommit);
    }
}
