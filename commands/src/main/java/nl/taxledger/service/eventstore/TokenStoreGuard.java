package nl.taxledger.service.eventstore;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Refuses to start when any token store is in-memory. Axon silently falls back to one when no token store is
 * configured; projections in PostgreSQL would then be rebuilt on top of themselves at every restart.
 *
 * <p>Checked just before the event processors start, when Axon knows which store each processor uses.
 */
final class TokenStoreGuard implements ConfigurerModule {

    private final ObjectProvider<TokenStore> tokenStores;

    TokenStoreGuard(ObjectProvider<TokenStore> tokenStores) {
        this.tokenStores = tokenStores;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(axon -> axon.onStart(
                Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> check(axon.eventProcessingConfiguration())));
    }

    private void check(EventProcessingConfiguration processing) {
        List<String> offenders = new ArrayList<>();
        tokenStores.orderedStream()
                .filter(InMemoryTokenStore.class::isInstance)
                .forEach(store -> offenders.add("a TokenStore bean"));
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor
                    && processing.tokenStore(name) instanceof InMemoryTokenStore) {
                offenders.add("event processor '" + name + "'");
            }
        });
        if (!offenders.isEmpty()) {
            throw new IllegalStateException("In-memory token store configured for " + String.join(", ", offenders)
                    + ": processor positions must be stored in PostgreSQL (JdbcTokenStore), or projections"
                    + " are rebuilt over existing rows after every restart");
        }
    }
}
