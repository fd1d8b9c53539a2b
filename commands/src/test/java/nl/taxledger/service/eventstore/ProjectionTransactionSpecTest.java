package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.taxledger.service.eventstore.TestEvents.Step;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pitfall: on Spring Boot 4, Axon 4.13's auto-configuration can miss Spring's transaction manager (it orders
 * itself after a Spring Boot 3 class name) and falls back to no transactions at all. A projection batch then
 * commits its rows and its token separately, and an instance killed between the two commits makes another
 * instance apply the batch twice or skip it. The token and the rows must commit in one PostgreSQL transaction.
 */
@LedgerServiceTest
class ProjectionTransactionSpecTest {

    private static final String GROUP = "transaction-spec";

    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventBus eventBus;
    @Autowired
    ProjectionSync sync;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void axonRunsInSpringsTransactions() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void aProjectionBatchCommitsItsRowsAndItsTokenInOneTransaction() {
        OwnerConnection.jdbc(environment)
                .execute("create table transaction_spec_row (id text primary key, xid bigint not null)");
        OwnerConnection.jdbc(environment).execute("create table transaction_spec_token (xid bigint not null)");
        OwnerConnection.jdbc(environment).execute("create function transaction_spec_audit() returns trigger as $$ begin"
                + " if new.processorname = '" + GROUP + "' then"
                + " insert into transaction_spec_token values (txid_current()); end if; return new; end $$"
                + " language plpgsql");
        OwnerConnection.jdbc(environment).execute("create trigger transaction_spec_audit after update on tokenentry"
                + " for each row execute function transaction_spec_audit()");

        eventBus.publish(new GenericDomainEventMessage<>("TestDebtor", "debtor-tx", 0, new Step("first")));
        sync.awaitCaughtUp(Duration.ofSeconds(60));

        Long rowXid = jdbc.queryForObject("select xid from transaction_spec_row where id = 'first'", Long.class);
        assertThat(jdbc.queryForList("select xid from transaction_spec_token", Long.class))
                .as("the transactions that moved the token include the one that wrote the row")
                .contains(rowXid);
    }

    @ProcessingGroup(GROUP)
    static class RowProjection {

        private final JdbcTemplate jdbc;

        RowProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(Step step) {
            jdbc.update("insert into transaction_spec_row (id, xid) values (?, txid_current())", step.id());
        }
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        RowProjection rowProjection(JdbcTemplate jdbc) {
            return new RowProjection(jdbc);
        }
    }
}
