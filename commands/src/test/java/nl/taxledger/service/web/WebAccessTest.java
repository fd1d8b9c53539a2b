package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web view's access at the HTTP level (faster than a browser): sign-in by form with a session, the participant
 * scope of the portal, CSRF on every form post, and the REST API answering as before (HTTP Basic, problem+json).
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=web")
class WebAccessTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    LocalUsers users;

    @Autowired
    LedgerClient ledger;

    @LocalServerPort
    int port;

    @BeforeEach
    void people() {
        user("wim", Optional.empty(), Role.CLERK);
        user("petra", Optional.of("GEM-XA"), Role.PARTICIPANT);
    }

    private void user(String name, Optional<String> participant, Role role) {
        if (users.list().stream().noneMatch(u -> u.username().equals(name))) {
            users.create(name, WebBrowserTest.PASSWORD, EnumSet.of(role), participant, "test");
        }
    }

    /** A browser without a browser: cookies kept, redirects not followed. */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get(page).body());
            assertThat(token.find()).as("a CSRF token on " + page).isTrue();
            return token.group(1);
        }

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            return post("/login", Map.of("username", username, "password", password, "_csrf", csrf("/login")));
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void the_stylesheet_and_htmx_load_before_signing_in() throws Exception {
        Session nobody = new Session();

        assertThat(nobody.get("/css/ledger.css").statusCode()).isEqualTo(200);
        HttpResponse<String> htmx = nobody.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void a_page_without_a_session_sends_the_browser_to_the_sign_in_form() throws Exception {
        HttpResponse<String> page = new Session().get("/debiteuren");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void signing_in_by_form_starts_a_session_and_a_wrong_password_is_sent_back() throws Exception {
        Session wrong = new Session();
        HttpResponse<String> refused = wrong.signIn("wim", "a-wrong-password-123");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        Session right = new Session();
        HttpResponse<String> signedIn = right.signIn("wim", WebBrowserTest.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(right.get("/ik").body()).contains("wim").contains("CLERK").contains("lokale gebruiker");
    }

    @Test
    void a_participant_sees_its_own_portal_and_the_403_page_for_another_or_for_debtors() throws Exception {
        ledger.registerAndImpose("XA");
        ledger.registerAndImpose("XB");
        Session petra = new Session();
        petra.signIn("petra", WebBrowserTest.PASSWORD);

        assertThat(petra.get("/deelnemers/GEM-XA").statusCode()).isEqualTo(200);
        HttpResponse<String> other = petra.get("/deelnemers/GEM-XB");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Geen toegang (403)").doesNotContain("Gemeente XB");
        assertThat(petra.get("/debiteuren/S-XA").statusCode()).isEqualTo(403);
        assertThat(petra.get("/rapporten/reconciliation").statusCode()).isEqualTo(403);
        assertThat(petra.get("/boeken/ReceivePayment").statusCode()).isEqualTo(403);
    }

    @Test
    void the_account_as_it_was_known_before_a_payment_shows_the_payment_nowhere() throws Exception {
        ledger.today(java.time.LocalDate.of(2026, 3, 30));
        ledger.registerAndImpose("XC");
        ledger.today(java.time.LocalDate.of(2026, 4, 2));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-XC","paymentId":"P-XC","amount":"50.00","reference":"A-XC",
                 "valueDate":"2026-04-01"}""");
        ledger.awaitProjections();
        Session wim = new Session();
        wim.signIn("wim", WebBrowserTest.PASSWORD);

        String now = wim.get("/debiteuren/S-XC").body();
        String before = wim.get("/debiteuren/S-XC?peildatum=31-03-2026&bekendOp=01-04-2026")
                .body();

        assertThat(now).contains("P-XC").contains("€ 450,00");
        assertThat(before).contains("Stand per peildatum").contains("€ 500,00").doesNotContain("P-XC");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused() throws Exception {
        Session wim = new Session();
        wim.signIn("wim", WebBrowserTest.PASSWORD);
        long events = ledger.events();

        HttpResponse<String> forged = wim.post(
                "/boeken/ReceivePayment",
                Map.of(
                        "commandId",
                        "forged-1",
                        "paymentId",
                        "P-FORGED",
                        "amount",
                        "1,00",
                        "valueDate",
                        "01-04-2026",
                        "reference",
                        "A-XA"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ledger.events()).isEqualTo(events);
    }

    @Test
    void a_form_post_to_the_api_is_still_refused_at_the_front_door() throws Exception {
        HttpResponse<String> form = api(HttpRequest.newBuilder(uri("/api/commands/ReceivePayment"))
                .header("Authorization", basic("wim"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=1.00")));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void the_rest_api_keeps_http_basic_and_its_problem_answers() throws Exception {
        HttpResponse<String> anonymous = api(HttpRequest.newBuilder(uri("/api/debtors/S1")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"ledger\"");

        HttpResponse<String> signedIn =
                api(HttpRequest.newBuilder(uri("/api/suspense")).header("Authorization", basic("wim")));
        assertThat(signedIn.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> api(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + WebBrowserTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_participant_gets_the_403_page_for_direct_debit_bank_reconciliation_and_the_chain() throws Exception {
        Session petra = new Session();
        petra.signIn("petra", WebBrowserTest.PASSWORD);

        for (String page : java.util.List.of(
                "/incasso", "/incasso/2026-04-30", "/bankreconciliatie", "/keten", "/boeken/PrepareDirectDebitRun")) {
            HttpResponse<String> refused = petra.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).as(page).contains("Geen toegang (403)");
        }
    }

    @Test
    void the_chain_page_is_for_the_accountant_and_the_supervisor_not_the_clerk() throws Exception {
        user("anouk", Optional.empty(), Role.ACCOUNTANT);
        Session wim = new Session();
        wim.signIn("wim", WebBrowserTest.PASSWORD);
        Session anouk = new Session();
        anouk.signIn("anouk", WebBrowserTest.PASSWORD);

        assertThat(wim.get("/keten").statusCode()).isEqualTo(403);
        assertThat(wim.get("/keten/controle").statusCode()).isEqualTo(403);
        assertThat(wim.get("/incasso").statusCode()).isEqualTo(200);
        assertThat(wim.get("/").body())
                .contains("/incasso", "/bankreconciliatie")
                .doesNotContain("/keten");
        HttpResponse<String> chain = anouk.get("/keten");
        assertThat(chain.statusCode()).isEqualTo(200);
        assertThat(chain.body())
                .contains("replay-tools verify")
                .contains("--anchor")
                .contains("/keten/controle");
        HttpResponse<String> verified = anouk.get("/keten/controle");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Keten heel");
        assertThat(anouk.get("/").body()).contains("/keten");
    }
}
