package nl.taxledger.service.eventstore;

import nl.taxledger.service.eventstore.TestEvents.Step;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Ways to end up with in-memory tokens. Kept out of {@link TokenStoreSpecTest} itself, where the test framework
 * would load them into that class's own (healthy) context.
 */
final class TokenStoreMisconfigurations {

    @TestConfiguration
    static class InMemoryTokenStoreBean {
        @Bean
        @Primary
        TokenStore inMemoryTokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @ProcessingGroup("volatile")
    static class VolatileProjection {
        @EventHandler
        void on(Step step) {
            // only its processor's token store matters
        }
    }

    @TestConfiguration
    static class InMemoryTokenStoreForProcessor {
        @Bean
        VolatileProjection volatileProjection() {
            return new VolatileProjection();
        }

        @Bean
        ConfigurerModule inMemoryTokensForVolatile() {
            return configurer -> configurer.eventProcessing()
                    .registerTokenStore("volatile", axon -> new InMemoryTokenStore());
        }
    }

    private TokenStoreMisconfigurations() {
    }
}
