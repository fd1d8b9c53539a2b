package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.security.TestUsers;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST surface: the five-minute tour of the README, idempotency, bad input and batch import. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.embedded.ephemeral=true", "ledger.scheduling.enabled=false"})
class CommandApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    LedgerClock clock;
    @Autowired
    ProjectionSync projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    RestClient http;

    @BeforeEach
    void setUp() {
        http = TestUsers.client(context, port, "medewerker-17", Role.CLERK, Role.SUPERVISOR);
        clock.setToday(LocalDate.of(2026, 6, 30));
    }

    private ResponseEntity<JsonNode> post(String type, String body) {
        return http.post().uri("/api/commands/" + type).contentType(MediaType.APPLICATION_JSON)
                .header("X-Ledger-Why", "besluit 2026-0042")
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode get(String path) {
        projections.awaitCaughtUp(java.time.Duration.ofSeconds(30));
        return http.get().uri(path).retrieve().body(JsonNode.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private void registerAndImpose(String suffix) {
        assertThat(post("RegisterParticipant", """
                {"commandId":"reg-%1$s","participantId":"GEM-%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(suffix)).getStatusCode().value()).isEqualTo(200);
        assertThat(post("ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-%1$s","taxType":"OZB","taxYear":2026,"amount":"300.00"},
                          {"lineId":"L2","participantId":"GEM-%1$s","taxType":"RIOOLHEFFING","taxYear":2026,"amount":"200.00"}]}"""
                .formatted(suffix)).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void the_tour_pays_an_assessment_and_reads_the_balance_and_the_reconciliation() {
        registerAndImpose("T");
        ResponseEntity<JsonNode> paid = post("ReceivePayment", """
                {"commandId":"pay-T","paymentId":"P-T","amount":"100.00","reference":"A-T","valueDate":"2026-06-15"}""");

        assertThat(paid.getStatusCode().value()).isEqualTo(200);
        assertThat(paid.getBody().path("result").path("allocations")).hasSize(2);
        JsonNode debtor = get("/api/debtors/S-T");
        assertThat(debtor.path("assessments").get(0).path("openPrincipalCents").asLong()).isEqualTo(40000);
        JsonNode cell = get("/api/reconciliation/GEM-T/OZB/2026");
        assertThat(cell.path("receivedCents").asLong()).isEqualTo(6000);
        assertThat(cell.path("outstandingCents").asLong()).isEqualTo(24000);
        assertThat(get("/api/reconciliation/totals").path("openPrincipalCents").asLong())
                .isEqualTo(get("/api/reconciliation/totals").path("outstandingCents").asLong());
    }

    @Test
    void a_resend_with_the_same_command_id_returns_the_first_result_and_appends_nothing() {
        registerAndImpose("I");
        String payment = """
                {"commandId":"pay-I","paymentId":"P-I","amount":"50.00","reference":"A-I","valueDate":"2026-06-15"}""";
        ResponseEntity<JsonNode> first = post("ReceivePayment", payment);
        long eventsAfterFirst = events();

        ResponseEntity<JsonNode> again = post("ReceivePayment", payment);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().path("result")).isEqualTo(first.getBody().path("result"));
        assertThat(events()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void a_resend_with_changed_content_is_a_conflict_as_problem_json() {
        registerAndImpose("C");
        post("ReceivePayment", """
                {"commandId":"pay-C","paymentId":"P-C","amount":"50.00","reference":"A-C","valueDate":"2026-06-15"}""");

        ResponseEntity<JsonNode> changed = post("ReceivePayment", """
                {"commandId":"pay-C","paymentId":"P-C","amount":"51.00","reference":"A-C","valueDate":"2026-06-15"}""");

        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(changed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(changed.getBody().path("code").asString()).isEqualTo("COMMAND_ID_CONFLICT");
    }

    @Test
    void an_amount_in_fractions_of_cents_is_refused_and_changes_nothing() {
        registerAndImpose("V");
        long before = events();

        ResponseEntity<JsonNode> refused = post("ReceivePayment", """
                {"commandId":"pay-V","paymentId":"P-V","amount":"12.345","reference":"A-V","valueDate":"2026-06-15"}""");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_booking_date_after_today_is_refused() {
        registerAndImpose("F");

        ResponseEntity<JsonNode> refused = post("ReceivePayment", """
                {"commandId":"pay-F","paymentId":"P-F","amount":"1.00","reference":"A-F","valueDate":"2026-06-15",
                 "bookingDate":"2026-07-01"}""");

        assertThat(refused.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void every_event_carries_who_why_source_and_command_id() {
        registerAndImpose("M");

        JsonNode history = get("/api/debtors/S-M/history");

        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("who").asString()).isEqualTo("medewerker-17");
        assertThat(history.get(0).path("why").asString()).isEqualTo("besluit 2026-0042");
        assertThat(history.get(0).path("source").asString()).isEqualTo("api");
        assertThat(history.get(0).path("commandId").asString()).isEqualTo("imp-M");
    }

    @Test
    void a_batch_import_answers_one_result_per_line_and_a_rejected_line_does_not_stop_the_rest() {
        registerAndImpose("B");
        String ndjson = String.join("\n",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b1\",\"paymentId\":\"PB1\",\"amount\":\"10.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-01\"}",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b2\",\"paymentId\":\"PB1\",\"amount\":\"10.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-01\"}",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b3\",\"paymentId\":\"PB3\",\"amount\":\"5.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-02\"}");

        String answer = http.post().uri("/api/commands").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson).retrieve().body(String.class);

        String[] lines = answer.strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(JSON.readTree(lines[1]).path("code").asString()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(JSON.readTree(lines[2]).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(get("/api/debtors/S-B").path("assessments").get(0).path("openPrincipalCents").asLong()).isEqualTo(48500);
    }
}
