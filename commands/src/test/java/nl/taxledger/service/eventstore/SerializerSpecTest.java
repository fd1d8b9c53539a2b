package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PeriodClosed;
import nl.taxledger.ledger.api.RemittancePolicyChanged;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.service.eventstore.TestEvents.SampleRecorded;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
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
                "select payload from domainevententry where payloadtype = ?",
                byte[].class,
                SampleRecorded.class.getName());

        JsonNode json = JsonMapper.builder().build().readTree(payload);
        assertThat(json.get("id").asString()).isEqualTo("s-1");
        assertThat(json.get("text").asString()).isEqualTo("stored as json");
    }

    /**
     * A fact answers questions about itself (LedgerFact: effectiveDate, debtor, principalReceipts); those answers
     * must not become stored properties, or the stored JSON of every event would change shape.
     */
    @Test
    void aFactIsStoredAsItsRecordFieldsOnlyAndReadBackEqual() {
        LocalDate day = LocalDate.parse("2026-03-10");
        Map<LedgerFact, List<String>> storedFields = Map.of(
                new PaymentReceived(
                        "S1",
                        "P1",
                        100_00,
                        day,
                        "A1",
                        "TRANSFER",
                        null,
                        false,
                        0,
                        List.of(new Allocation("A1", Component.PRINCIPAL, "L1", "P1", 100_00)),
                        0,
                        day),
                List.of(
                        "debtorId",
                        "paymentId",
                        "amountCents",
                        "valueDate",
                        "reference",
                        "channel",
                        "counterpartyRef",
                        "fromSuspense",
                        "negativeCreditSettledCents",
                        "allocations",
                        "creditCents",
                        "bookingDate",
                        "matchedBy",
                        "collection"),
                new UnmatchedPaymentAssigned("P9", "S1", 10_00, day),
                List.of("paymentId", "debtorId", "amountCents", "bookingDate"),
                new RemittancePolicyChanged("GEM-A", RemittanceSchedule.WEEKLY, new BigDecimal("0.005"), 4, day, day),
                List.of("participantId", "schedule", "reserveRate", "reserveYears", "effectiveFrom", "bookingDate"),
                new PeriodClosed("LEDGER", day, day),
                List.of("ledgerId", "through", "bookingDate"));
        Serializer serializer = axon.eventSerializer();

        storedFields.forEach((fact, fields) -> {
            SerializedObject<byte[]> stored = serializer.serialize(fact, byte[].class);
            JsonNode json = JsonMapper.builder().build().readTree(stored.getData());
            assertThat(json.properties())
                    .extracting(Map.Entry::getKey)
                    .as(fact.getClass().getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(fields);
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(fact);
        });
    }

    @Test
    void theGuardRejectsAnyOtherSerializer() {
        Configuration xstreamEvents = org.mockito.Mockito.mock(Configuration.class);
        org.mockito.Mockito.when(xstreamEvents.serializer()).thenReturn(axon.serializer());
        org.mockito.Mockito.when(xstreamEvents.messageSerializer()).thenReturn(axon.messageSerializer());
        org.mockito.Mockito.when(xstreamEvents.eventSerializer()).thenReturn(XStreamSerializer.defaultSerializer());

        assertThatThrownBy(() -> SerializerGuard.check(xstreamEvents))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("axon.serializer.events=jackson3");
    }
}
