package nl.taxledger.service.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import nl.taxledger.projections.ReadModels;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import nl.taxledger.service.hashchain.ChainAnchors;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.security.TestUsers;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health that tells the truth (issue 12, item 6): {@code /actuator/health} is DOWN while a projection is halted,
 * naming it to a signed-in supervisor only, and the halt is a gauge an operator can alert on; a hash chain that has
 * stopped is DOWN too. Its own ledger: other tests of the shared one halt a projection on purpose (an edited event).
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=health")
class LedgerHealthTest {
    private static final String HISTORY = DebtorHistoryProjection.PROCESSING_GROUP;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    LedgerClient ledger;

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HashChainHealthIndicator chainHealth;

    @Autowired
    ChainAnchors anchors;

    @Test
    void a_halted_projection_is_down_by_name_for_a_supervisor_and_a_gauge_until_it_runs_again() {
        RestClient supervisor = ledger.httpAs("health-supervisor", Role.SUPERVISOR);
        RestClient clerk = ledger.httpAs("health-clerk", Role.CLERK);
        RestClient anonymous = TestUsers.anonymous(Integer.parseInt(environment.getProperty("local.server.port")));
        ledger.today(LocalDate.of(2026, 11, 30));
        ledger.awaitProjections();
        assertThat(status(health(supervisor))).isEqualTo("UP");
        assertThat(halted()).isZero();

        // a read model that refuses every new row: the history projection halts on the next event
        OwnerConnection.jdbc(environment)
                .execute("ALTER TABLE history_fact ADD CONSTRAINT health_poison CHECK (false) NOT VALID");
        try {
            ledger.registerAndImpose("HEALTH");
            await().atMost(WAIT).until(() -> "DOWN".equals(status(health(supervisor))));

            ResponseEntity<String> down = health(supervisor);
            assertThat(down.getStatusCode().value()).isEqualTo(503);
            JsonNode projections =
                    JSON.readTree(down.getBody()).path("components").path("projections");
            assertThat(projections.path("status").asString()).isEqualTo("DOWN");
            assertThat(projections.path("details").path("halted").path(HISTORY).asString())
                    .as("the halted read model, by name, with its processor and error")
                    .contains(ReadModels.PROCESSOR)
                    .contains("health_poison");
            assertThat(projections
                            .path("details")
                            .path("halted")
                            .path(DebtorBalanceProjection.PROCESSING_GROUP)
                            .asString())
                    .as("the models that share the processor are halted with it")
                    .contains("health_poison");
            for (RestClient notSupervisor : new RestClient[] {anonymous, clerk}) {
                ResponseEntity<String> hidden = health(notSupervisor);
                assertThat(hidden.getStatusCode().value()).isEqualTo(503);
                assertThat(hidden.getBody())
                        .contains("DOWN")
                        .doesNotContain(HISTORY)
                        .doesNotContain("components");
            }
            assertThat(halted())
                    .as("gauge ledger.projection.halted{model=" + HISTORY + "}")
                    .isEqualTo(1);
            assertThat(supervisor
                            .get()
                            .uri("/actuator/metrics/ledger.projection.halted?tag=model:" + HISTORY)
                            .retrieve()
                            .body(String.class))
                    .contains("\"value\":1.0");
        } finally {
            OwnerConnection.jdbc(environment).execute("ALTER TABLE history_fact DROP CONSTRAINT health_poison");
        }

        await().atMost(WAIT).until(() -> "UP".equals(status(health(supervisor))));
        assertThat(halted()).isZero();
        assertThat(meters.get("ledger.projection.lag")
                        .tag("model", HISTORY)
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void the_hash_chain_is_down_while_a_chain_trigger_is_off_and_up_when_it_is_on_again() {
        ledger.today(LocalDate.of(2026, 11, 30));
        ledger.registerAndImpose("HEALTH-CHAIN");
        assertThat(chainHealth.health().getStatus()).isEqualTo(Status.UP);

        var owner = OwnerConnection.jdbc(environment);
        owner.execute("ALTER TABLE domainevententry DISABLE TRIGGER ledger_chain_event");
        try {
            assertThat(chainHealth.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(chainHealth.health().getDetails().get("problem").toString())
                    .contains("missing or disabled");
        } finally {
            owner.execute("ALTER TABLE domainevententry ENABLE TRIGGER ledger_chain_event");
        }
        assertThat(chainHealth.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void the_hash_chain_is_down_while_an_anchor_could_not_be_written_and_up_once_a_later_one_is() throws Exception {
        ledger.today(LocalDate.of(2026, 11, 30));
        ledger.registerAndImpose("HEALTH-ANCHOR");
        // a directory where the anchor file should be: appending to it fails after the close has committed
        Path blocked = anchors.directory().resolve(ChainAnchors.PERIOD_CLOSE_FILE);
        Files.deleteIfExists(blocked);
        Files.createDirectories(blocked);
        try {
            ledger.submit("ClosePeriod", "{\"commandId\":\"health-close-1\",\"through\":\"2026-01-31\"}");
            assertThat(chainHealth.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(chainHealth.health().getDetails().get("problem").toString())
                    .contains("not written")
                    .contains("period closed through 2026-01-31");
        } finally {
            Files.delete(blocked);
        }
        ledger.submit("ClosePeriod", "{\"commandId\":\"health-close-2\",\"through\":\"2026-02-28\"}");
        assertThat(chainHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(Files.readAllLines(blocked)).singleElement().asString().contains("2026-02-28");
    }

    private double halted() {
        return meters.get("ledger.projection.halted")
                .tag("model", HISTORY)
                .gauge()
                .value();
    }

    private static ResponseEntity<String> health(RestClient client) {
        return client.get().uri("/actuator/health").retrieve().toEntity(String.class);
    }

    private static String status(ResponseEntity<String> health) {
        return JSON.readTree(health.getBody()).path("status").asString();
    }
}
