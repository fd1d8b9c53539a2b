package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.taxledger.service.eventstore.TestEvents.SampleRecorded;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.xml.XStreamSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pitfall: Axon's default serializer is XStream, so events would be stored as XML unless every role is set. */
@LedgerServiceTest
class SerializerSpecTest {

    @Autowired
    Configuration axon;
    @Autowired
    EventBus eventBus;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void generalEventAndMessageSerializersAreJackson3() {
        assertThat(axon.serializer()).isInstanceOf(Jackson3Serializer.class);
        assertThat(axon.eventSerializer()).isInstanceOf(Jackson3Serializer.class);
        assertThat(axon.messageSerializer()).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void aStoredEventPayloadIsJsonBytes() {
        eventBus.publish(GenericEventMessage.asEventMessage(new SampleRecorded("s-1", "stored as json")));

        byte[] payload = jdbc.queryForObject(
                "select payload from domainevententry where payloadtype = ?", byte[].class,
                SampleRecorded.class.getName());

        JsonNode json = JsonMapper.builder().build().readTree(payload);
        assertThat(json.get("id").asString()).isEqualTo("s-1");
        assertThat(json.get("text").asString()).isEqualTo("stored as json");
    }

    @Test
    void theGuardRejectsAnyOtherSerializer() {
        Configuration xstreamEvents = org.mockito.Mockito.mock(Configuration.class);
        org.mockito.Mockito.when(xstreamEvents.serializer()).thenReturn(axon.serializer());
        org.mockito.Mockito.when(xstreamEvents.messageSerializer()).thenReturn(axon.messageSerializer());
        org.mockito.Mockito.when(xstreamEvents.eventSerializer())
                .thenReturn(XStreamSerializer.defaultSerializer());

        assertThatThrownBy(() -> SerializerGuard.check(xstreamEvents))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.serializer.events=jackson3");
    }
}
