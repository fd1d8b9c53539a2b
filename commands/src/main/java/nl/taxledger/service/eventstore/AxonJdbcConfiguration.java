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

/**
 * Axon's JDBC plumbing, declared here because Axon's own JdbcAutoConfiguration is conditional on a DataSource
 * bean and, under Spring Boot 4, is evaluated before Boot's DataSource exists, so it silently backs off.
 */
@Configuration(proxyBeanMethods = false)
class AxonJdbcConfiguration {

    /** Joins the Spring transaction (and Axon's unit of work) instead of taking a connection of its own. */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
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
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          @Value("${ledger.node-id:}") String nodeId) {
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
