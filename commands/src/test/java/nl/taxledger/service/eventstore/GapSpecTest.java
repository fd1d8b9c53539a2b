package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import nl.taxledger.service.eventstore.TestEvents.GapProbe;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pitfall: the global index is taken at insert but becomes visible at commit. An event whose transaction commits
 * after a later one must still reach the projections, not be skipped as a gap.
 */
@LedgerServiceTest
class GapSpecTest {

    @Autowired
    EventBus eventBus;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    SeenProbes seen;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void anEventCommittedAfterALaterOneIsStillHandled() throws Exception {
        publish("warm-up");
        awaitSeen("warm-up");

        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insertWithoutCommit(slow, new GapProbe("committed-late"));

            publish("committed-first");
            awaitSeen("committed-first");

            slow.commit();
        }
        awaitSeen("committed-late");
    }

    @Test
    void everyPooledConnectionBoundsItsTransactionsBelowTheGapTimeout() {
        assertThat(jdbc.queryForObject("show transaction_timeout", String.class)).isEqualTo("10min");
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class)).isEqualTo("5min");
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("5min");
        assertThat(2 * JdbcEventStoreConfiguration.TRANSACTION_BOUND_MINUTES)
                .isLessThan(JdbcEventStoreConfiguration.GAP_TIMEOUT_MINUTES);
    }

    @Test
    void aRebuildDeliversEveryEventAgain() {
        publish("before-rebuild");
        awaitSeen("before-rebuild");

        rebuild.rebuild("gap-spec");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Collections.frequency(seen.deliveries(), "before-rebuild") == 2);
    }

    private void publish(String id) {
        eventBus.publish(GenericEventMessage.asEventMessage(new GapProbe(id)));
    }

    private void awaitSeen(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.ids().contains(id));
    }

    /** What Axon's JDBC engine writes for a non-domain event, done by hand so the commit can be held back. */
    private void insertWithoutCommit(Connection connection, GapProbe probe) throws Exception {
        SerializedObject<byte[]> payload = eventSerializer.serialize(probe, byte[].class);
        SerializedObject<byte[]> metaData = eventSerializer.serialize(MetaData.emptyInstance(), byte[].class);
        String eventId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type,
                    timestamp, payloadtype, payloadrevision, payload, metadata)
                values (?, ?, 0, null, ?, ?, null, ?, ?)""")) {
            insert.setString(1, eventId);
            insert.setString(2, eventId);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, payload.getType().getName());
            insert.setBytes(5, payload.getData());
            insert.setBytes(6, metaData.getData());
            insert.executeUpdate();
        }
    }

    record SeenProbes(Set<String> ids, List<String> deliveries) {
    }

    @ProcessingGroup("gap-spec")
    static class GapProbeProjection {

        private final SeenProbes seen;

        GapProbeProjection(SeenProbes seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(GapProbe probe) {
            seen.ids().add(probe.id());
            seen.deliveries().add(probe.id());
        }
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        SeenProbes seenProbes() {
            return new SeenProbes(ConcurrentHashMap.newKeySet(), new CopyOnWriteArrayList<>());
        }

        @Bean
        GapProbeProjection gapProbeProjection(SeenProbes seen) {
            return new GapProbeProjection(seen);
        }
    }
}
