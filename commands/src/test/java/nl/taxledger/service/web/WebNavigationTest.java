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
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16's done-criterion: signed in, every page is reached from {@code /} by following links, without knowing
 * a single address. Per role a bounded crawl follows every same-site link (downloads included) and asserts that
 * none answers 4xx or 5xx, so the menu never offers a page the role may not see; the supervisor (the README's
 * {@code admin}) reaches each page the issue names.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebNavigationTest {
    /** Enough for every page of a small ledger; the crawl is breadth-first, so the menu's pages come first. */
    private static final int MAX_PAGES = 400;

    /** What Chromium sends for a link it follows: pages and downloads alike. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");

    @Autowired
    LocalUsers users;

    @Autowired
    LedgerClient ledger;

    @LocalServerPort
    int port;

    @BeforeAll
    void ledgerWithSomethingOnEveryPage() {
        user("nick", Optional.empty(), Role.CLERK);
        user("nadia", Optional.empty(), Role.SUPERVISOR);
        user("noor", Optional.empty(), Role.ACCOUNTANT);
        user("nora", Optional.of("GEM-NV"), Role.PARTICIPANT);
        ledger.today(LocalDate.of(2026, 3, 30));
        ledger.registerAndImpose("NV");
        ledger.today(LocalDate.of(2026, 4, 13));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-nav","paymentId":"P-NAV","amount":"80.00","reference":"A-NV",
                 "valueDate":"2026-04-08","bookingDate":"2026-04-08"}""");
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-nav-suspense","paymentId":"P-NAV-S","amount":"12.00","reference":"NOBODY-NAV",
                 "valueDate":"2026-04-08","bookingDate":"2026-04-08"}""");
        // a run of its own (WebBrowserTest approves the one of 2026-04-05 in the same ledger)
        ledger.submitAs(new Actor("nadia", null, "test"), "IssueRemittance", """
                {"commandId":"rem-nav","participantId":"GEM-NV","periodEnd":"2026-04-12"}""");
        ledger.awaitProjections();
    }

    private void user(String name, Optional<String> participant, Role role) {
        if (users.list().stream().noneMatch(u -> u.username().equals(name))) {
            users.create(name, WebBrowserTest.PASSWORD, EnumSet.of(role), participant, "test");
        }
    }

    @Test
    void the_supervisor_reaches_every_page_of_the_issue_from_the_start_page() throws Exception {
        Map<String, String> reached = crawl("nadia");

        Map<String, Pattern> named = new LinkedHashMap<>();
        named.put("debtor search", Pattern.compile("/debiteuren"));
        named.put("debtor account and history", Pattern.compile("/debiteuren/S-[^?]+(\\?.*)?"));
        named.put("payment form", Pattern.compile("/boeken/ReceivePayment"));
        named.put("assessment form with lines", Pattern.compile("/boeken/ImposeAssessment"));
        named.put("arrangement form with terms", Pattern.compile("/boeken/AgreePaymentArrangement"));
        named.put("suspense", Pattern.compile("/suspense"));
        named.put("bank upload", Pattern.compile("/bankbestanden"));
        named.put("direct-debit runs", Pattern.compile("/incasso"));
        named.put("approvals", Pattern.compile("/goedkeuren"));
        named.put("users", Pattern.compile("/gebruikers"));
        named.put("processors", Pattern.compile("/verwerkers"));
        named.put("reports", Pattern.compile("/rapporten"));
        named.put("reconciliation grid", Pattern.compile("/rapporten/reconciliation"));
        named.put("reconciliation cell", Pattern.compile("/rapporten/aansluiting/GEM-NV/OZB/2026\\?.*"));
        named.put("trial balance", Pattern.compile("/rapporten/trial-balance"));
        named.put("management information", Pattern.compile("/rapporten/management-info"));
        named.put("collection-rate chart", Pattern.compile("/rapporten/collection-rate"));
        named.put("participant portal", Pattern.compile("/deelnemers/GEM-NV"));
        named.put("bank reconciliation", Pattern.compile("/bankreconciliatie"));
        named.put("chain page", Pattern.compile("/keten"));
        named.forEach((page, address) -> assertThat(reached.keySet())
                .as(page + " reached from /")
                .anyMatch(path -> address.matcher(path).matches()));
        assertThat(reached.entrySet())
                .as("a debtor's page with its history of facts")
                .anyMatch(page -> page.getKey().startsWith("/debiteuren/S-NV")
                        && page.getValue().contains("Historie"));
    }

    @Test
    void a_clerk_reaches_the_daily_work_and_is_never_offered_a_page_it_may_not_see() throws Exception {
        Map<String, String> reached = crawl("nick");

        assertThat(reached.keySet())
                .contains("/debiteuren", "/suspense", "/bankbestanden", "/incasso", "/boeken/ImposeAssessment")
                .noneMatch(path -> path.startsWith("/goedkeuren") || path.startsWith("/keten"));
    }

    @Test
    void an_accountant_reaches_the_reports_and_the_chain_and_no_form() throws Exception {
        Map<String, String> reached = crawl("noor");

        assertThat(reached.keySet())
                .contains("/rapporten/reconciliation", "/rapporten/collection-rate", "/keten")
                .noneMatch(path -> path.startsWith("/boeken"));
    }

    @Test
    void a_participant_reaches_its_own_portal_and_nothing_of_anyone_else() throws Exception {
        Map<String, String> reached = crawl("nora");

        assertThat(reached.keySet())
                .contains("/deelnemers/GEM-NV")
                .allMatch(path -> !path.startsWith("/deelnemers/") || path.startsWith("/deelnemers/GEM-NV"))
                .noneMatch(path -> path.startsWith("/debiteuren") || path.startsWith("/rapporten"));
    }

    /**
     * Signs in as {@code username} and follows every same-site link breadth-first from {@code /}, at most
     * {@link #MAX_PAGES}; asserts each answers below 400. Returns each address reached with its body.
     */
    private Map<String, String> crawl(String username) throws IOException, InterruptedException {
        Session session = new Session();
        session.signIn(username);
        Map<String, String> reached = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of("/"));
        while (!next.isEmpty() && reached.size() < MAX_PAGES) {
            String path = next.removeFirst();
            if (reached.containsKey(path)) {
                continue;
            }
            HttpResponse<String> page = session.get(path);
            assertThat(page.statusCode())
                    .as("%s, signed in as %s (linked from a page it reached)", path, username)
                    .isLessThan(400);
            reached.put(path, page.body());
            Optional<String> redirect = page.headers().firstValue("Location");
            if (page.statusCode() / 100 == 3 && redirect.isPresent()) {
                String to = redirect.get().replaceFirst("^http://localhost:" + port, "");
                assertThat(to)
                        .as("%s sends %s back to the sign-in", path, username)
                        .doesNotEndWith("/login");
                next.addLast(to);
            }
            Matcher link = LINK.matcher(page.body());
            while (link.find()) {
                String to = link.group(1).replace("&amp;", "&");
                if (!to.startsWith("//") && !reached.containsKey(to)) {
                    next.addLast(to);
                }
            }
        }
        assertThat(reached).as("pages reached by " + username).isNotEmpty();
        return reached;
    }

    /** A browser without a browser: cookies kept, redirects not followed. */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", ACCEPT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String username) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get("/login").body());
            assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
            Map<String, String> form =
                    Map.of("username", username, "password", WebBrowserTest.PASSWORD, "_csrf", token.group(1));
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> signedIn = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location").orElse(""))
                    .as("signed in as " + username)
                    .doesNotContain("error");
        }
    }
}
