package nl.taxledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who may do what (domain.md §11) and the front door (§12), over real HTTP against the local sign-in mode. */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=security")
class SecurityAcceptanceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor SETUP = new Actor("system:test-setup", null, "test");
    private static final Actor APPROVER = new Actor("system:test-approver", null, "test");
    private static final String PAYMENT = """
            {"commandId":"pay-x","paymentId":"P-X","amount":"1.00","reference":"A-GEM-A","valueDate":"2026-04-01"}""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandService commands;

    @Autowired
    LedgerClock clock;

    @Autowired
    ProjectionSync projections;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void twoParticipantsWithARemittanceEach() {
        for (String id : new String[] {"GEM-A", "GEM-B"}) {
            clock.setToday(LocalDate.of(2026, 3, 30));
            send("RegisterParticipant", """
                    {"commandId":"reg-%1$s","participantId":"%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                     "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(id));
            send("ImposeAssessment", """
                    {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27",
                     "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"%1$s","taxType":"OZB",
                     "taxYear":2026,"amount":"300.00"}]}""".formatted(id));
            clock.setToday(LocalDate.of(2026, 4, 1));
            send("ReceivePayment", """
                    {"commandId":"pay-%1$s","paymentId":"P-%1$s","amount":"100.00","reference":"A-%1$s",
                     "valueDate":"2026-04-01"}""".formatted(id));
            clock.setToday(LocalDate.of(2026, 4, 6));
            send("IssueRemittance", """
                    {"commandId":"rem-%1$s","participantId":"%1$s","periodEnd":"2026-04-05"}""".formatted(id));
        }
        // four eyes: a supervisor other than the issuer releases the run's credit transfer (idempotent by commandId)
        commands.submit("ApproveRemittanceRun", JSON.readTree("""
                {"commandId":"approve-2026-04-05","periodEnd":"2026-04-05"}"""), APPROVER);
        projections.awaitCaughtUp(java.time.Duration.ofSeconds(30));
    }

    private void send(String type, String json) {
        commands.submit(type, JSON.readTree(json), SETUP);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static ResponseEntity<String> post(RestClient http, String type, String body) {
        return http.post()
                .uri("/api/commands/" + type)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    private static ResponseEntity<String> get(RestClient http, String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    private static String code(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody()).path("code").asString();
    }

    @Test
    void a_command_without_credentials_is_401_and_appends_nothing() {
        long before = events();

        ResponseEntity<String> answer = post(TestUsers.anonymous(port), "ReceivePayment", PAYMENT);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void wrong_credentials_are_401() {
        RestClient wrong = TestUsers.base(port)
                .defaultHeaders(h -> h.setBasicAuth("nobody", "not-a-password"))
                .build();

        assertThat(get(wrong, "/api/debtors/S-GEM-A").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void an_accountant_may_read_everything_but_send_no_command() {
        RestClient accountant = TestUsers.client(context, port, "anna", Role.ACCOUNTANT);
        long before = events();

        ResponseEntity<String> answer = post(accountant, "ReceivePayment", PAYMENT);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(code(answer)).isEqualTo("FORBIDDEN");
        assertThat(events()).isEqualTo(before);
        assertThat(get(accountant, "/api/debtors/S-GEM-A").getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(accountant, "/api/remittance-runs/2026-04-05/pain001.xml")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void a_clerk_may_not_register_a_participant_over_rest_nor_in_a_batch_line() {
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);
        String register = """
                {"commandId":"reg-X","participantId":"GEM-X","name":"X","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""";

        ResponseEntity<String> overRest = post(clerk, "RegisterParticipant", register);
        String batch = clerk.post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body("{\"type\":\"RegisterParticipant\","
                        + register.strip().substring(1).replace("\n", "") + "\n")
                .retrieve()
                .body(String.class);

        assertThat(overRest.getStatusCode().value()).isEqualTo(403);
        assertThat(code(overRest)).isEqualTo("FORBIDDEN");
        JsonNode line = JSON.readTree(batch.lines().findFirst().orElseThrow());
        assertThat(line.path("status").asString()).isEqualTo("REJECTED");
        assertThat(line.path("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_participant_gets_nothing_of_another_participant() {
        RestClient gemB = TestUsers.participant(context, port, "portal-gem-b", "GEM-B");

        for (String path : new String[] {
            "/api/participants/GEM-A/remittances",
            "/api/participants/GEM-A/remittances/2026-04-05",
            "/api/participants/GEM-A/remittances/2026-04-05/statement.csv",
            "/api/participants/GEM-A/remittances/2026-04-05/statement.xlsx",
            "/api/participants/GEM-A/position",
            "/api/reconciliation/GEM-A/OZB/2026",
            "/api/reconciliation?participantId=GEM-A",
            "/api/reconciliation",
            "/api/reports/weekly?periodEnd=2026-04-05&participantId=GEM-A",
            "/api/reports/weekly?periodEnd=2026-04-05",
            "/api/remittance-runs/2026-04-05/pain001.xml"
        }) {
            ResponseEntity<String> answer = get(gemB, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(code(answer)).as(path).isEqualTo("FORBIDDEN");
            assertThat(answer.getBody())
                    .as(path)
                    .doesNotContain("Gemeente GEM-A")
                    .doesNotContain("100.00");
        }
    }

    @Test
    void a_participant_sees_its_own_remittance_figures() {
        RestClient gemB = TestUsers.participant(context, port, "portal-gem-b", "GEM-B");

        assertThat(get(gemB, "/api/participants/GEM-B/remittances/2026-04-05/statement.csv")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(get(gemB, "/api/participants/GEM-B/position").getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(gemB, "/api/reconciliation/GEM-B/OZB/2026")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String weekly = get(gemB, "/api/reports/weekly?periodEnd=2026-04-05&participantId=GEM-B")
                .getBody();
        assertThat(weekly).contains("GEM-B").doesNotContain("GEM-A");
    }

    @Test
    void a_participant_reads_no_debtor_data() {
        RestClient gemA = TestUsers.participant(context, port, "portal-gem-a", "GEM-A");

        for (String path : new String[] {
            "/api/debtors/S-GEM-A",
            "/api/debtors/S-GEM-A/history",
            "/api/suspense",
            "/api/reports/debtors?asOf=2026-12-31",
            "/api/reconciliation/totals"
        }) {
            ResponseEntity<String> answer = get(gemA, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(answer.getBody()).as(path).doesNotContain("S-GEM-A");
        }
    }

    @Test
    void who_on_the_event_is_the_signed_in_user_whatever_the_header_says() {
        RestClient jan = TestUsers.client(context, port, "jan", Role.CLERK);

        ResponseEntity<String> answer = jan.post()
                .uri("/api/commands/ReceivePayment")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Ledger-Who", "mallory")
                .header("X-Ledger-Why", "afschrift 12")
                .body("""
                        {"commandId":"pay-jan","paymentId":"P-JAN","amount":"5.00","reference":"A-GEM-A",
                         "valueDate":"2026-04-02"}""")
                .retrieve()
                .toEntity(String.class);
        projections.awaitCaughtUp(java.time.Duration.ofSeconds(30));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String who = jdbc.queryForObject(
                "SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'who' FROM domainevententry"
                        + " ORDER BY globalindex DESC LIMIT 1",
                String.class);
        assertThat(who).isEqualTo("jan");
        JsonNode history =
                JSON.readTree(get(jan, "/api/debtors/S-GEM-A/history").getBody());
        assertThat(history.get(history.size() - 1).path("who").asString()).isEqualTo("jan");
    }

    @Test
    void why_longer_than_500_characters_is_refused() {
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);

        ResponseEntity<String> answer = clerk.post()
                .uri("/api/commands/ReceivePayment")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Ledger-Why", "x".repeat(501))
                .body(PAYMENT)
                .retrieve()
                .toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void the_import_refuses_text_plain_a_cors_simple_request() {
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);
        long before = events();

        ResponseEntity<String> answer = clerk.post()
                .uri("/api/commands")
                .contentType(MediaType.TEXT_PLAIN)
                .body("{\"type\":\"ReceivePayment\"," + PAYMENT.strip().substring(1) + "\n")
                .retrieve()
                .toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_form_post_to_a_command_is_415() {
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);

        ResponseEntity<String> answer = clerk.post()
                .uri("/api/commands/ReceivePayment")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("commandId=x")
                .retrieve()
                .toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(415);
    }

    @Test
    void a_json_command_over_one_mebibyte_is_refused() {
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);
        String huge = PAYMENT.replace("\"pay-x\"", "\"" + "x".repeat(1024 * 1024) + "\"");

        ResponseEntity<String> answer = post(clerk, "ReceivePayment", huge);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void five_failed_sign_ins_lock_the_account_until_a_supervisor_resets_its_password() {
        TestUsers.ensure(context, "piet", Optional.empty(), Role.CLERK);
        RestClient wrong = TestUsers.base(port)
                .defaultHeaders(h -> h.setBasicAuth("piet", "wrong-password-0"))
                .build();
        RestClient right = TestUsers.base(port)
                .defaultHeaders(h -> h.setBasicAuth("piet", TestUsers.PASSWORD))
                .build();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(get(wrong, "/api/suspense").getStatusCode().value()).isEqualTo(401);
        }

        assertThat(get(right, "/api/suspense").getStatusCode().value()).isEqualTo(401);

        RestClient supervisor = TestUsers.client(context, port, "sanne", Role.SUPERVISOR);
        assertThat(supervisor
                        .post()
                        .uri("/api/users/piet/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"password\":\"" + TestUsers.PASSWORD + "\"}")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(get(right, "/api/suspense").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_supervisor_creates_lists_and_disables_users_and_a_clerk_may_not() {
        RestClient supervisor = TestUsers.client(context, port, "sanne", Role.SUPERVISOR);
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);
        String newUser = """
                {"username":"marie","password":"marie-password-1","roles":["CLERK"]}""";

        assertThat(clerk.post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(newUser)
                        .retrieve()
                        .toEntity(String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(supervisor
                        .post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(newUser)
                        .retrieve()
                        .toEntity(String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        RestClient marie = TestUsers.base(port)
                .defaultHeaders(h -> h.setBasicAuth("marie", "marie-password-1"))
                .build();
        assertThat(get(marie, "/api/suspense").getStatusCode().value()).isEqualTo(200);
        String users = get(supervisor, "/api/users").getBody();
        assertThat(users).contains("\"marie\"").doesNotContain("bcrypt").doesNotContain("password");

        supervisor.post().uri("/api/users/marie/disable").retrieve().toBodilessEntity();

        assertThat(get(marie, "/api/suspense").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void health_is_public_without_details_and_the_api_docs_need_a_sign_in() {
        RestClient anonymous = TestUsers.anonymous(port);
        RestClient participant = TestUsers.participant(context, port, "portal-gem-a", "GEM-A");
        RestClient clerk = TestUsers.client(context, port, "kees", Role.CLERK);

        ResponseEntity<String> health = get(anonymous, "/actuator/health");
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(health.getBody()).path("status").asString()).isEqualTo("UP");
        assertThat(health.getBody())
                .doesNotContain("components")
                .doesNotContain("details")
                .doesNotContain("db");
        assertThat(get(anonymous, "/v3/api-docs").getStatusCode().value()).isEqualTo(401);
        assertThat(get(participant, "/v3/api-docs").getStatusCode().value()).isEqualTo(200);
        assertThat(get(clerk, "/actuator/info").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void a_browser_session_may_read_but_not_post_without_the_csrf_token() throws Exception {
        TestUsers.ensure(context, "kees", Optional.empty(), Role.CLERK);
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as(loginPage.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Cookie", sessionCookie(loginPage))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=kees&password=" + TestUsers.PASSWORD
                                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String session = sessionCookie(signedIn);
        long before = events();

        HttpResponse<String> read = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/suspense"))
                        .header("Cookie", session)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/commands/ReceivePayment"))
                        .header("Cookie", session)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(PAYMENT))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }
}
