package nl.taxledger.service.queryapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes (issue 14 item 3, README.md "Reading your own writes"): a command answers the global position of its last event, and a
 * query given it as its minimum position shows the command's effect — never awaitProjections() here.
 */
@LedgerServiceTest
class ReadYourWritesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far beyond any position this test's ledger reaches. */
    private static final long FUTURE = 1_000_000_000L;
    /** ledger.read-your-writes.max-wait-ms, unchanged in the service tests. */
    private static final long MAX_WAIT_MS = MinPosition.DEFAULT_MAX_WAIT_MS;
    /** Reads of one position answered 503 before the test gives up: 5 × the 2 s bound. */
    private static final int MAX_ATTEMPTS = 5;

    @Autowired
    LedgerClient ledger;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        ledger.today(LocalDate.of(2026, 6, 30));
    }

    @Test
    void a_command_answers_its_last_events_position_and_a_replay_answers_the_same() {
        ledger.registerAndImpose("RYW-P");
        String payment = """
                {"commandId":"pay-RYW-P","paymentId":"P-RYW-P","amount":"10.00","reference":"A-RYW-P",
                 "valueDate":"2026-06-15"}""";
        long eventsBefore = ledger.events();

        ResponseEntity<JsonNode> first = ledger.post("ReceivePayment", payment);
        ResponseEntity<JsonNode> again = ledger.post("ReceivePayment", payment);

        long position = first.getBody().path("position").asLong();
        assertThat(position).isGreaterThan(0);
        assertThat(first.getHeaders().getFirst("Ledger-Position")).isEqualTo(Long.toString(position));
        assertThat(ledger.events()).as("the payment appended events").isGreaterThan(eventsBefore);
        assertThat(position)
                .as("the last of them (test classes run one at a time)")
                .isEqualTo(lastPositionAfter(first));
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().path("position").asLong()).isEqualTo(position);
        assertThat(again.getHeaders().getFirst("Ledger-Position")).isEqualTo(Long.toString(position));
    }

    @Test
    void a_refused_command_answers_no_position() {
        ResponseEntity<JsonNode> refused = ledger.post("ReceivePayment", """
                {"commandId":"pay-RYW-R","paymentId":"P-RYW-R","amount":"-1.00","reference":"X",
                 "valueDate":"2026-06-15"}""");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getFirst("Ledger-Position")).isNull();
        assertThat(refused.getBody().has("position")).isFalse();
    }

    @Test
    void a_query_with_the_commands_position_sees_its_effect_every_time() {
        ledger.registerAndImpose("RYW");
        for (int payment = 1; payment <= 25; payment++) {
            ResponseEntity<JsonNode> paid = ledger.post("ReceivePayment", """
                    {"commandId":"pay-RYW-%1$d","paymentId":"P-RYW-%1$d","amount":"1.00","reference":"A-RYW",
                     "valueDate":"2026-06-15"}""".formatted(payment));
            String position = paid.getHeaders().getFirst("Ledger-Position");

            JsonNode debtor = readAt("/api/debtors/S-RYW", position);
            JsonNode history = readAt("/api/debtors/S-RYW/history", position);
            JsonNode cell = readAt("/api/reconciliation/GEM-RYW/OZB/2026", position);

            assertThat(debtor.path("payments"))
                    .as("payments after payment %d", payment)
                    .hasSize(payment);
            assertThat(debtor.path("assessments")
                            .get(0)
                            .path("openPrincipalCents")
                            .asLong())
                    .isEqualTo(50000 - 100L * payment);
            assertThat(history.findValuesAsString("commandId")).contains("pay-RYW-" + payment);
            assertThat(cell.path("receivedCents").asLong()).isEqualTo(60L * payment);
        }
    }

    /**
     * A read with a minimum position, as a client does it: a 200 must show the command; a 503 (the read model did
     * not get there within the bound, which a machine under heavy load can cause) is asked again, as its
     * Retry-After says, a bounded number of times.
     */
    private JsonNode readAt(String path, String position) {
        List<String> behind = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ResponseEntity<JsonNode> answer = ledger.http()
                    .get()
                    .uri(path)
                    .header("Ledger-Min-Position", position)
                    .retrieve()
                    .toEntity(JsonNode.class);
            if (answer.getStatusCode().value() == 200) {
                return answer.getBody();
            }
            assertThat(answer.getStatusCode().value())
                    .as("%s", answer.getBody())
                    .isEqualTo(503);
            behind.add(answer.getBody().toString());
        }
        throw new AssertionError("the read model never reached " + position + " for " + path + ": " + behind);
    }

    @Test
    void an_unmatched_payment_is_in_the_suspense_worklist_at_its_position() {
        ResponseEntity<JsonNode> paid = ledger.post("ReceivePayment", """
                {"commandId":"pay-RYW-S","paymentId":"P-RYW-S","amount":"3.00","reference":"NOBODY-RYW",
                 "valueDate":"2026-06-15"}""");

        JsonNode worklist = ledger.http()
                .get()
                .uri("/api/suspense")
                .header("Ledger-Min-Position", paid.getHeaders().getFirst("Ledger-Position"))
                .retrieve()
                .body(JsonNode.class);

        assertThat(worklist.path("items").findValuesAsString("paymentId")).contains("P-RYW-S");
    }

    @Test
    void an_import_answers_each_accepted_line_with_its_position() {
        String body = """
                {"type":"RegisterParticipant","commandId":"reg-RYW-N","participantId":"GEM-RYW-N","name":"N","iban":"NL91ABNA0417164300"}
                {"type":"RegisterParticipant","commandId":"reg-RYW-N","participantId":"GEM-RYW-N","name":"N","iban":"NL91ABNA0417164300"}
                {"type":"ReceivePayment","commandId":"pay-RYW-N","paymentId":"P-RYW-N","amount":"-1.00","reference":"X","valueDate":"2026-06-15"}
                """;
        String answer = ledger.http()
                .post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body)
                .retrieve()
                .body(String.class);
        List<JsonNode> lines = answer.lines().map(JSON::readTree).toList();

        assertThat(lines.get(0).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(lines.get(0).path("position").asLong()).isGreaterThan(0);
        assertThat(lines.get(1).path("status").asString()).isEqualTo("REPLAYED");
        assertThat(lines.get(1).path("position").asLong())
                .isEqualTo(lines.get(0).path("position").asLong());
        assertThat(lines.get(2).path("status").asString()).isEqualTo("REJECTED");
        assertThat(lines.get(2).has("position")).isFalse();
    }

    @Test
    void a_position_the_read_model_does_not_reach_is_answered_503_after_the_bound_with_how_far_it_is() {
        long start = System.nanoTime();
        ResponseEntity<JsonNode> behind = ledger.http()
                .get()
                .uri("/api/debtors/S-RYW-F")
                .header("Ledger-Min-Position", Long.toString(FUTURE))
                .retrieve()
                .toEntity(JsonNode.class);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(behind.getStatusCode().value()).isEqualTo(503);
        assertThat(behind.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(behind.getBody().path("code").asString()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(behind.getBody().path("minPosition").asLong()).isEqualTo(FUTURE);
        assertThat(behind.getBody().path("positions").path("debtor-balances").asLong())
                .isGreaterThanOrEqualTo(0)
                .isLessThan(FUTURE);
        assertThat(waitedMs)
                .as("waited the bound, and not far beyond it")
                .isGreaterThanOrEqualTo(MAX_WAIT_MS)
                .isLessThan(MAX_WAIT_MS + 5_000);
    }

    @Test
    void a_minimum_position_that_is_not_a_position_is_refused() {
        ResponseEntity<JsonNode> refused = ledger.http()
                .get()
                .uri("/api/debtors/S-RYW?minPosition=soon")
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("field").asString()).isEqualTo("minPosition");
    }

    /** The highest global index stored once the first send was answered (its re-send appended nothing). */
    private long lastPositionAfter(ResponseEntity<JsonNode> answered) {
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        return jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
    }
}
