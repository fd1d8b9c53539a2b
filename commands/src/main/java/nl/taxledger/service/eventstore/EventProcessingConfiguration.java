package nl.taxledger.service.eventstore;

import nl.taxledger.projections.ReadModels;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How events reach their handlers. The command bus stays Axon's default {@code SimpleCommandBus} with the Spring
 * transaction manager, so a command joins the caller's transaction.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /** Command-side lookup tables must change in the same transaction as the events that change them. */
    static final String COMMAND_LOOKUPS = "command-lookups";

    static final int SEGMENTS = 2;
    /** A projection batch is one transaction; beyond this it holds locks and memory too long. */
    static final int MAX_BATCH_SIZE = 10_000;

    /**
     * Projections run in pooled streaming processors. A handler failure propagates: the batch rolls back, the
     * token stays before the failing event and the processor retries it, so a projection halts visibly instead
     * of silently missing a fact. Axon's default would log the error and move on.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(
            ProcessorFailures failures,
            ObjectProvider<WakeableEventSource> wakeableSource,
            @Value("${ledger.processing.batch-size:200}") int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "ledger.processing.batch-size must be in 1.." + MAX_BATCH_SIZE + ": " + batchSize);
        }
        return configurer -> {
            EventProcessingConfigurer processing = configurer
                    .eventProcessing()
                    .usingPooledStreamingEventProcessors((axon, builder) -> {
                        builder.batchSize(batchSize).initialSegmentCount(SEGMENTS);
                        // woken by new events instead of polling (read-your-writes, WakeableEventSource); Axon
                        // Server's own source wakes its processors already. Looked up here, when the processors are
                        // built: the storage engine behind it needs Axon's configuration, which this module is part of.
                        WakeableEventSource source = wakeableSource.getIfAvailable();
                        return source == null ? builder : builder.messageSource(source);
                    })
                    .registerSubscribingEventProcessor(COMMAND_LOOKUPS)
                    .registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance())
                    .registerDefaultErrorHandler(axon -> failures);
            oneProcessorForTheReadModels(processing);
        };
    }

    /**
     * One processor for all read models: a processor reads and deserialises every event it handles itself, and with
     * one processor per model that was done four times over (46% of the processors' CPU in a rebuild, issue 14).
     * Now a batch is read once, handed to every model's handlers and written with the one token in one transaction.
     * The price: a failure in one model halts all of them, and rebuilding one model rebuilds them all
     * (ProjectionRebuild).
     */
    private static void oneProcessorForTheReadModels(EventProcessingConfigurer processing) {
        for (String model : ReadModels.PROCESSING_GROUPS) {
            processing.assignProcessingGroup(model, ReadModels.PROCESSOR);
        }
    }

    /**
     * Declared, not left to Axon's auto-configuration: on Spring Boot 4 that orders itself after a Spring Boot 3
     * class name, misses Spring's transaction manager and silently falls back to no transactions. A projection
     * batch would then commit its rows and its token apart, and an instance killed in between makes the next
     * owner of the segment apply the batch twice or skip it (ProjectionTransactionSpecTest, ScaleOutTest).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ProcessorFailures processorFailures() {
        return new ProcessorFailures();
    }

    /** Who did it, why, through which channel and for which command: copied from each command to its events. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider("who", "why", "source", "commandId");
    }

    /** Declared here because Axon's own bean backs off as soon as any other provider exists. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
