package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import nl.taxledger.service.eventstore.TestEvents.Step;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pitfall: Axon's default resolver reports every failed append as "aggregate identifier already used", hiding
 * the real SQL error. Only a unique violation (23505) may be reported as a duplicate.
 */
@LedgerServiceTest
class DuplicateResolutionSpecTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    PersistenceExceptionResolver resolver;

    @Test
    void theSameAggregateSequenceTwiceIsADuplicate() {
        append("debtor-dup", 0);
        append("debtor-dup", 1);

        Throwable failure = catchThrowable(() -> append("debtor-dup", 1));

        assertThat(failure).isInstanceOf(ConcurrencyException.class);
        assertThat(resolver.isDuplicateKeyViolation((Exception) failure.getCause())).isTrue();
    }

    @Test
    void aSecondStreamWithTheSameAggregateIdIsADuplicate() {
        append("debtor-twice", 0);

        Throwable failure = catchThrowable(() -> append("debtor-twice", 0));

        assertThat(failure).isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void anotherSqlFailureIsNotADuplicate() {
        String tooLong = "d".repeat(300);

        Throwable failure = catchThrowable(() -> append(tooLong, 0));

        // Axon words the message of any failed first event as "Cannot reuse aggregate identifier"; the type
        // is what tells a duplicate (AggregateStreamCreationException, ConcurrencyException) from the rest.
        assertThat(failure).isExactlyInstanceOf(EventStoreException.class);
        assertThat(resolver.isDuplicateKeyViolation((Exception) failure.getCause())).isFalse();
    }

    private void append(String aggregateId, long sequence) {
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>("TestDebtor", aggregateId, sequence, new Step("s"))));
    }
}
