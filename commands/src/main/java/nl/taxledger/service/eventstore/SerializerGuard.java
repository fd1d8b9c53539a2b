package nl.taxledger.service.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Refuses to start unless Axon's general, event and message serializers are all Jackson 3. Axon's default is
 * XStream: events stored as XML by one misconfigured start would stay in the store for good.
 */
final class SerializerGuard implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(axon -> axon.onStart(Phase.INSTRUCTION_COMPONENTS, () -> check(axon)));
    }

    static void check(Configuration axon) {
        Map<String, Serializer> serializers = new LinkedHashMap<>();
        serializers.put("general", axon.serializer());
        serializers.put("events", axon.eventSerializer());
        serializers.put("messages", axon.messageSerializer());
        serializers.forEach((role, serializer) -> {
            if (!(serializer instanceof Jackson3Serializer)) {
                throw new IllegalStateException("Axon " + role + " serializer is "
                        + (serializer == null ? "missing" : serializer.getClass().getName())
                        + "; set axon.serializer." + role + "=jackson3");
            }
        });
    }
}
