package nl.taxledger.service.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon's serializers: Jackson 3 for every role (application.yml), enforced at startup. */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    @Bean
    ConfigurerModule serializerGuard() {
        return new SerializerGuard();
    }

    /**
     * Axon's own tokens carry polymorphic fields (a replay token wraps the token it replays up to). Jackson 3
     * refuses polymorphic types unless allowed explicitly, which breaks every projection rebuild. Only Axon's
     * and our own types are allowed, so stored JSON cannot name arbitrary classes.
     */
    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("nl.taxledger.")
                .build());
    }
}
