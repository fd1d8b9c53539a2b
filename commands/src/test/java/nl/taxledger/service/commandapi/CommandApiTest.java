package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST surface: the five-minute tour of the README, idempotency, bad input and batch import. */
@LedgerServiceTest
class CommandApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LedgerClient ledger;

    @BeforeEach
    void setUp() {
        ledger.today(LocalDate.of(2026, 6, 30));
    }

    @Test
    void the_tour_pays_an_assessment_and_reads_the_balance_and_the_reconciliation() {
        ledger.registerAndImpose("T");
        ResponseEntity<JsonNode> paid = ledger.post("ReceivePayment", """
                {"commandId":"pay-T","paymentId":"P-T","amount":"100.00","reference":"A-T","valueDate":"2026-06-15"}""");

        assertThat(paid.getStatusCode().value()).isEqualTo(200);
        assertThat(paid.getBody().path("result").path("allocations")).hasSize(2);
        JsonNode debtor = ledger.get("/api/debtors/S-T");
        assertThat(debtor.path("assessments").get(0).path("openPrincipalCents").asLong())
                .isEqualTo(40000);
        JsonNode cell = ledger.get("/api/reconciliation/GEM-T/OZB/2026");
        assertThat(cell.path("receivedCents").asLong()).isEqualTo(6000);
        assertThat(cell.path("outstandingCents").asLong()).isEqualTo(24000);
        assertThat(ledger.get("/api/reconciliation/totals")
                        .path("openPrincipalCents")
                        .asLong())
                .isEqualTo(ledger.get("/api/reconciliation/totals")
                        .path("outstandingCents")
                        .asLong());
    }

    @Test
    void a_resend_with_the_same_command_id_returns_the_first_result_and_appends_nothing() {
        ledger.registerAndImpose("I");
        String payment = """
                {"commandId":"pay-I","paymentId":"P-I","amount":"50.00","reference":"A-I","valueDate":"2026-06-15"}""";
        ResponseEntity<JsonNode> first = ledger.post("ReceivePayment", payment);
        long eventsAfterFirst = ledger.events();

        ResponseEntity<JsonNode> again = ledger.post("ReceivePayment", payment);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().path("result")).isEqualTo(first.getBody().path("result"));
        assertThat(ledger.events()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void a_resend_with_changed_content_is_a_conflict_as_problem_json() {
        ledger.registerAndImpose("C");
        ledger.post("ReceivePayment", """
                {"commandId":"pay-C","paymentId":"P-C","amount":"50.00","reference":"A-C","valueDate":"2026-06-15"}""");

        ResponseEntity<JsonNode> changed = ledger.post("ReceivePayment", """
                {"commandId":"pay-C","paymentId":"P-C","amount":"51.00","reference":"A-C","valueDate":"2026-06-15"}""");

        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(changed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(changed.getBody().path("code").asString()).isEqualTo("COMMAND_ID_CONFLICT");
    }

    @Test
    void an_amount_in_fractions_of_cents_is_refused_and_changes_nothing() {
        ledger.registerAndImpose("V");
        long before = ledger.events();

        ResponseEntity<JsonNode> refused = ledger.post("ReceivePayment", """
                {"commandId":"pay-V","paymentId":"P-V","amount":"12.345","reference":"A-V","valueDate":"2026-06-15"}""");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.getBody().path("field").asString()).isEqualTo("amount");
        assertThat(ledger.events()).isEqualTo(before);
    }

    @Test
    void a_booking_date_after_today_is_refused() {
        ledger.registerAndImpose("F");

        ResponseEntity<JsonNode> refused = ledger.post("ReceivePayment", """
                {"commandId":"pay-F","paymentId":"P-F","amount":"1.00","reference":"A-F","valueDate":"2026-06-15",
                 "bookingDate":"2026-07-01"}""");

        assertThat(refused.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.getBody().path("field").asString()).isEqualTo("bookingDate");
    }

    @Test
    void every_event_carries_who_why_source_and_command_id() {
        ledger.registerAndImpose("M");

        JsonNode history = ledger.get("/api/debtors/S-M/history");

        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("who").asString()).isEqualTo("medewerker-17");
        assertThat(history.get(0).path("why").asString()).isEqualTo("besluit 2026-0042");
        assertThat(history.get(0).path("source").asString()).isEqualTo("api");
        assertThat(history.get(0).path("commandId").asString()).isEqualTo("imp-M");
    }

    @Test
    void a_batch_import_answers_one_result_per_line_and_a_rejected_line_does_not_stop_the_rest() {
        ledger.registerAndImpose("B");
        String ndjson = String.join(
                "\n",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b1\",\"paymentId\":\"PB1\",\"amount\":\"10.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-01\"}",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b2\",\"paymentId\":\"PB1\",\"amount\":\"10.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-01\"}",
                "{\"type\":\"ReceivePayment\",\"commandId\":\"b3\",\"paymentId\":\"PB3\",\"amount\":\"5.00\",\"reference\":\"A-B\",\"valueDate\":\"2026-06-02\"}");

        String answer = ledger.http()
                .post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson)
                .retrieve()
                .body(String.class);

        String[] lines = answer.strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[0]).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(JSON.readTree(lines[1]).path("code").asString()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(JSON.readTree(lines[2]).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(JSON.readTree(lines[3]).path("summary").path("rejected").asInt())
                .isEqualTo(1);
        assertThat(ledger.get("/api/debtors/S-B")
                        .path("assessments")
                        .get(0)
                        .path("openPrincipalCents")
                        .asLong())
                .isEqualTo(48500);
    }
}
