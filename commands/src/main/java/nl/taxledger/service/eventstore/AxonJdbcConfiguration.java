package nl.taxledger.service.eventstore;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC plumbing, declared here because Axon's own JdbcAutoConfiguration is conditional on a DataSource
 * bean and, under Spring Boot 4, is evaluated before Boot's DataSource exists, so it silently backs off.
 */
@Configuration(proxyBeanMethods = false)
class AxonJdbcConfiguration {

    /**
     * Joins the Spring transaction instead of taking a connection of its own. Inside a Spring transaction the
     * connection is Spring's alone to end: Axon's unit-of-work wrapper would call {@code rollback()} on it when a
     * command handler refuses, which ends the whole PostgreSQL transaction, not just the unit of work. For a single
     * command that only came early, but in an import group (docs/design.md, "Group commit") it threw away the lines
     * already stored in the group, and the refused line's savepoint with them (PostgreSQL: "ROLLBACK TO SAVEPOINT
     * can only be used in transaction blocks"). Outside a Spring transaction the unit of work keeps one connection
     * and commits or rolls it back itself, as before.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        ConnectionProvider transactional = new SpringDataSourceConnectionProvider(dataSource);
        ConnectionProvider perUnitOfWork = new UnitOfWorkAwareConnectionProviderWrapper(transactional);
        return () -> TransactionSynchronizationManager.isActualTransactionActive()
                ? transactional.getConnection()
                : perUnitOfWork.getConnection();
    }

    /**
     * Processor positions live in PostgreSQL next to the projections they describe, so a restart continues where
     * it stopped instead of replaying every event into tables that already hold them.
     */
    /**
     * {@code ledger.node-id} names this instance as the owner of its segment claims. Axon's default is the JVM's
     * name (pid@host), which two instances in one JVM (the scale-out test) would share and so both "own" a claim.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider, Serializer serializer, @Value("${ledger.node-id:}") String nodeId) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(Duration.ofSeconds(10));
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    @Bean
    TokenStoreGuard tokenStoreGuard(ObjectProvider<TokenStore> tokenStores) {
        return new TokenStoreGuard(tokenStores);
    }
}
