package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input is refused before anything reads ledger state, naming the field (domain.md §8, §12), and every command
 * of the catalogue is reachable through the one endpoint and the NDJSON import.
 */
@LedgerServiceTest
class FieldValidationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final JdbcTemplate jdbc;
    private final LedgerClient ledger;

    @Autowired
    FieldValidationTest(LedgerClient ledger, JdbcTemplate jdbc) {
        ledger.today(LocalDate.of(2026, 6, 30));
        this.jdbc = jdbc;
        this.http = ledger.http();
        this.ledger = ledger;
    }

    /** A command's answer, errors included: the problem body is what is under test. */
    private ResponseEntity<JsonNode> post(String type, String body) {
        return http.post()
                .uri("/api/commands/{type}", type)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static void assertInvalidField(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.getBody().path("field").asString()).isEqualTo(field);
    }

    private void registerAndImpose(String suffix) {
        assertThat(post("RegisterParticipant", """
                {"commandId":"fv-reg-%1$s","participantId":"FV-%1$s","name":"Gemeente","iban":"NL91ABNA0417164300"}""".formatted(suffix))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("ImposeAssessment", """
                {"commandId":"fv-imp-%1$s","assessmentId":"FA-%1$s","debtorId":"FS-%1$s","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"FV-%1$s","taxType":"OZB",
                 "taxYear":2026,"amount":"300.00"}]}""".formatted(suffix))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void a_payment_in_dollars_is_refused_naming_the_currency_and_books_nothing() {
        registerAndImpose("USD");
        long before = events();

        ResponseEntity<JsonNode> refused = post("ReceivePayment", """
                {"commandId":"fv-usd","paymentId":"P-USD","amount":"100.00","currency":"USD","reference":"FA-USD",
                 "valueDate":"2026-06-15"}""");

        assertThat(events()).as("events appended").isEqualTo(before);
        assertInvalidField(refused, "currency");
    }

    @Test
    void a_payment_in_euros_may_say_so() {
        registerAndImpose("EUR");

        String payment = """
                {"commandId":"fv-eur","paymentId":"P-EUR","amount":"100.00","currency":"EUR","reference":"FA-EUR",
                 "valueDate":"2026-06-15"}""";

        JsonNode booked = post("ReceivePayment", payment).getBody().path("result");

        assertThat(booked.path("amountCents").asLong()).isEqualTo(10000);
    }

    /** Regression (issue 12): this assessment was stored, and three projections then halted for good. */
    @Test
    void an_assessment_issued_in_the_year_zero_is_refused_naming_the_date_and_every_projection_stays_current() {
        registerAndImpose("Y0");
        long before = events();
        String yearZero = """
                {"commandId":"fv-y0","assessmentId":"FA-Y0b","debtorId":"FS-Y0","issueDate":"0000-01-01",
                 "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"FV-Y0","taxType":"OZB",
                 "taxYear":2026,"amount":"300.00"}]}""";

        ResponseEntity<JsonNode> overRest = post("ImposeAssessment", yearZero);
        String imported = http.post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"type\":\"ImposeAssessment\","
                        + yearZero.strip().substring(1).replace("\n", "") + "\n")
                .retrieve()
                .body(String.class);

        assertInvalidField(overRest, "issueDate");
        JsonNode line = JSON.readTree(imported.lines().findFirst().orElseThrow());
        assertThat(line.path("status").asString()).isEqualTo("REJECTED");
        assertThat(line.path("field").asString()).isEqualTo("issueDate");
        assertThat(events()).as("events appended").isEqualTo(before);
        ledger.awaitProjections();
        assertThat(ledger.get("/api/processors"))
                .allSatisfy(processor -> assertThat(processor.path("error").asBoolean())
                        .as(processor.toString())
                        .isFalse());
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        ResponseEntity<JsonNode> refused = post("RegisterParticipant", """
                {"commandId":"fv-unk","participantId":"FV-UNK","name":"Gemeente","iban":"NL91ABNA0417164300",
                 "reserveRatio":"0.01"}""");

        assertInvalidField(refused, "reserveRatio");
    }

    @Test
    void an_unknown_field_inside_a_line_is_refused_naming_its_path() {
        ResponseEntity<JsonNode> refused = post("ImposeAssessment", """
                {"commandId":"fv-unl","assessmentId":"FA-UNL","debtorId":"FS-UNL","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"NOPE","taxType":"OZB",
                 "taxYear":2026,"amount":"300.00","currency":"EUR"}]}""");

        assertInvalidField(refused, "lines[0].currency");
    }

    @Test
    void duplicate_line_ids_are_a_field_error_even_when_the_participant_is_unknown() {
        ResponseEntity<JsonNode> refused = post("ImposeAssessment", """
                {"commandId":"fv-dup","assessmentId":"FA-DUP","debtorId":"FS-DUP","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","lines":[
                   {"lineId":"L1","participantId":"NOPE","taxType":"OZB","taxYear":2026,"amount":"300.00"},
                   {"lineId":"L1","participantId":"NOPE","taxType":"OZB","taxYear":2026,"amount":"200.00"}]}""");

        assertInvalidField(refused, "lines[1].lineId");
    }

    @Test
    void a_deferral_ending_before_it_starts_is_a_field_error_even_for_an_unknown_debtor() {
        ResponseEntity<JsonNode> refused = post("GrantDeferral", """
                {"commandId":"fv-def","debtorId":"NOBODY","deferralId":"D1","kind":"OBJECTION",
                 "from":"2026-06-01","until":"2026-05-01"}""");

        assertInvalidField(refused, "until");
    }

    @Test
    void arrangement_terms_out_of_order_are_a_field_error_even_for_an_unknown_debtor() {
        ResponseEntity<JsonNode> refused = post("AgreePaymentArrangement", """
                {"commandId":"fv-arr","debtorId":"NOBODY","arrangementId":"R1","assessmentIds":["X"],
                 "agreedDate":"2026-06-01","terms":[{"dueDate":"2026-08-01","amount":"10.00"},
                                                    {"dueDate":"2026-07-01","amount":"10.00"}]}""");

        assertInvalidField(refused, "terms");
    }

    @Test
    void an_unknown_command_type_is_refused_naming_the_type() {
        assertInvalidField(post("BookSomething", "{\"commandId\":\"fv-type\"}"), "type");
    }

    /** A command whose only fields are the envelope's: an empty body is the whole command (ApproveRefunds). */
    private static boolean hasNoFieldsOfItsOwn(CommandCatalogue.Entry entry) {
        return java.util.Arrays.stream(entry.shape().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .allMatch(name -> name.equals("commandId") || name.equals("bookingDate"));
    }

    @Test
    void every_command_of_the_catalogue_is_served_and_checks_its_fields() {
        assertThat(CommandCatalogue.entries().stream()
                        .filter(FieldValidationTest::hasNoFieldsOfItsOwn)
                        .map(CommandCatalogue.Entry::type))
                .containsExactly("ApproveRefunds");
        for (CommandCatalogue.Entry entry : CommandCatalogue.entries()) {
            if (hasNoFieldsOfItsOwn(entry)) {
                continue;
            }
            ResponseEntity<JsonNode> answer = post(entry.type(), "{\"commandId\":\"fv-empty-" + entry.type() + "\"}");

            assertThat(answer.getStatusCode().value()).as(entry.type()).isEqualTo(400);
            assertThat(answer.getBody().path("code").asString())
                    .as(entry.type())
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(answer.getBody().path("field").asString())
                    .as(entry.type())
                    .isNotBlank();
        }
    }

    @Test
    void an_import_line_with_an_unknown_field_is_rejected_naming_it() {
        String ndjson = "{\"type\":\"ClosePeriod\",\"commandId\":\"fv-nd\",\"through\":\"2026-01-31\",\"thru\":\"x\"}";

        String answer = http.post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson)
                .retrieve()
                .body(String.class);

        JsonNode line = JSON.readTree(answer.lines().findFirst().orElseThrow());
        assertThat(line.path("status").asString()).isEqualTo("REJECTED");
        assertThat(line.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(line.path("field").asString()).isEqualTo("thru");
    }
}
