package nl.taxledger.ledger.properties;

import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.account.AccountSnapshot;
import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.participant.Participant;
import nl.taxledger.ledger.suspense.SuspenseAssignment;
import nl.taxledger.ledger.suspense.UnmatchedPayment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/** The ledger's aggregates behind Axon's real command bus, on an in-memory event store. */
final class InMemoryLedger {
    private final Configuration config;

    InMemoryLedger() {
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(DebtorAccount.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Participant.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(UnmatchedPayment.class))
                .registerCommandHandler(c ->
                        new SuspenseAssignment(c.repository(UnmatchedPayment.class), c.repository(DebtorAccount.class)))
                .buildConfiguration();
        config.start();
    }

    /** Sends a command; a rejection is a legal outcome of a random history: false (the properties count how often). */
    boolean send(Object command) {
        try {
            config.getComponent(CommandGateway.class).sendAndWait(command);
            return true;
        } catch (LedgerRejection rejected) {
            return false;
        }
    }

    List<LedgerFact> events(String aggregateId) {
        List<LedgerFact> events = new ArrayList<>();
        config.eventStore().readEvents(aggregateId).forEachRemaining(e -> events.add((LedgerFact) e.getPayload()));
        return events;
    }

    /** Every stored fact in global (append) order, with the aggregate it was stored in. */
    List<org.axonframework.eventhandling.DomainEventMessage<?>> allEvents() {
        List<org.axonframework.eventhandling.DomainEventMessage<?>> events = new ArrayList<>();
        try (org.axonframework.common.stream.BlockingStream<org.axonframework.eventhandling.TrackedEventMessage<?>>
                stream = config.eventStore().openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add((org.axonframework.eventhandling.DomainEventMessage<?>) stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    AccountSnapshot snapshot(String debtorId) {
        return (AccountSnapshot) DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() ->
                        config.repository(DebtorAccount.class).load(debtorId).invoke(DebtorAccount::snapshot))
                .getPayload();
    }

    void stop() {
        config.shutdown();
    }
}
