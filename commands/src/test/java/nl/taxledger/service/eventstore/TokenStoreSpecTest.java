package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.assertj.core.api.Assertions;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Pitfall: Axon quietly uses an in-memory token store when none is configured; projections in PostgreSQL are
 * then replayed over themselves after every restart. The application must refuse to start instead.
 */
@LedgerServiceTest
class TokenStoreSpecTest {

    @Autowired
    TokenStore tokenStore;

    @Test
    void theTokenStoreIsJdbc() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void anInMemoryTokenStoreBeanStopsTheApplication() {
        Throwable failure = catchThrowable(() -> start(TokenStoreMisconfigurations.InMemoryTokenStoreBean.class));

        Assertions.assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(rootMessage(failure)).contains("In-memory token store configured for a TokenStore bean");
    }

    @Test
    void anInMemoryTokenStoreForOneProcessorStopsTheApplication() {
        Throwable failure = catchThrowable(() -> start(TokenStoreMisconfigurations.InMemoryTokenStoreForProcessor.class));

        assertThat(rootMessage(failure)).contains("In-memory token store configured for event processor 'volatile'");
    }

    private static void start(Class<?> misconfiguration) {
        new SpringApplicationBuilder(LedgerApplication.class, misconfiguration)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("skipOtherSpecs", new SkipTestComponents()))
                // as arguments: default properties rank below application.yml, so this ran on ./data/postgres:5439
                .run("--ledger.embedded.ephemeral=true", "--server.port=0")
                .close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Outside the test framework nothing keeps the other specifications' handlers out of the component scan. */
    static final class SkipTestComponents extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkipTestComponents;
        }

        @Override
        public int hashCode() {
            return SkipTestComponents.class.hashCode();
        }
    }
}
