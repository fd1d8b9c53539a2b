package nl.taxledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The oidc sign-in mode end to end: a real OAuth2 authorization server (Spring Authorization Server) on its own
 * random port signs client-credentials tokens with roles and participant claims; the service, given only its
 * issuer URI, discovers it and checks every token against the keys of its JWKS endpoint.
 */
class OidcSignInTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "issuer-test-secret";
    private static ConfigurableApplicationContext issuer;
    private static ConfigurableApplicationContext service;
    private static String issuerUri;
    private static int servicePort;

    /** The identity provider: clients stand for people; the customizer gives each its roles and participant. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class Issuer {
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims() {
            return context -> {
                switch (context.getRegisteredClient().getClientId()) {
                    case "clerk-app" -> context.getClaims().claim("roles", List.of("CLERK"));
                    case "accountant-app" -> context.getClaims().claim("roles", List.of("ACCOUNTANT"));
                    case "auditor-app" -> context.getClaims().claim("roles", List.of("AUDITOR"));
                    case "gem-b-portal" ->
                        context.getClaims()
                                .claim("roles", List.of("PARTICIPANT"))
                                .claim("participant_id", "GEM-B");
                    default -> {}
                }
            };
        }
    }

    @BeforeAll
    static void startIssuerAndService() {
        // as arguments: default properties rank below the application.yml on the classpath (server.port 8080)
        issuer = new SpringApplicationBuilder(Issuer.class)
                .run(issuerProperties().entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        issuerUri = "http://localhost:" + issuer.getEnvironment().getProperty("local.server.port");
        // as arguments: default properties rank below application.yml (server.port 8080)
        service = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--ledger.security.mode=oidc",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                        "--ledger.embedded.ephemeral=true",
                        "--ledger.scheduling.enabled=false",
                        "--server.port=0",
                        "--server.address=127.0.0.1");
        servicePort = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        twoParticipantsWithARemittanceEach();
    }

    private static Map<String, String> issuerProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("server.port", "0");
        // an initializer of the ledger's jar starts an embedded PostgreSQL unless a datasource is named
        properties.put("spring.datasource.url", "jdbc:postgresql://localhost:1/unused");
        properties.put("spring.main.banner-mode", "off");
        for (String client : List.of("clerk-app", "accountant-app", "gem-b-portal", "auditor-app")) {
            String prefix = "spring.security.oauth2.authorizationserver.client." + client + ".registration.";
            properties.put(prefix + "client-id", client);
            properties.put(prefix + "client-secret", "{noop}" + SECRET + client);
            properties.put(prefix + "client-authentication-methods", "client_secret_basic");
            properties.put(prefix + "authorization-grant-types", "client_credentials");
        }
        return properties;
    }

    private static void twoParticipantsWithARemittanceEach() {
        CommandService commands = service.getBean(CommandService.class);
        LedgerClock clock = service.getBean(LedgerClock.class);
        Actor setup = new Actor("system:test-setup", null, "test");
        for (String id : new String[] {"GEM-A", "GEM-B"}) {
            clock.setToday(LocalDate.of(2026, 3, 30));
            commands.submit("RegisterParticipant", JSON.readTree("""
                    {"commandId":"reg-%1$s","participantId":"%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                     "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(id)), setup);
            commands.submit("ImposeAssessment", JSON.readTree("""
                    {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27",
                     "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"%1$s","taxType":"OZB",
                     "taxYear":2026,"amount":"300.00"}]}""".formatted(id)), setup);
            clock.setToday(LocalDate.of(2026, 4, 1));
            commands.submit("ReceivePayment", JSON.readTree("""
                    {"commandId":"pay-%1$s","paymentId":"P-%1$s","amount":"100.00","reference":"A-%1$s",
                     "valueDate":"2026-04-01"}""".formatted(id)), setup);
            clock.setToday(LocalDate.of(2026, 4, 6));
            commands.submit("IssueRemittance", JSON.readTree("""
                    {"commandId":"rem-%1$s","participantId":"%1$s","periodEnd":"2026-04-05"}""".formatted(id)), setup);
        }
        service.getBean(ProjectionSync.class).awaitCaughtUp(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** A token from the issuer's token endpoint (client credentials). */
    private static String token(String clientId) {
        JsonNode answer = RestClient.create(issuerUri)
                .post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, SECRET + clientId))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve()
                .body(JsonNode.class);
        return answer.path("access_token").asString();
    }

    private static RestClient as(String clientId) {
        String token = token(clientId);
        return TestUsers.base(servicePort)
                .defaultHeaders(h -> h.setBearerAuth(token))
                .build();
    }

    private static ResponseEntity<String> get(RestClient http, String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    private static ResponseEntity<String> payment(RestClient http, String commandId) {
        return http.post()
                .uri("/api/commands/ReceivePayment")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Ledger-Who", "mallory")
                .body("""
                        {"commandId":"%s","paymentId":"P-%1$s","amount":"5.00","reference":"A-GEM-A",
                         "valueDate":"2026-04-02"}""".formatted(commandId))
                .retrieve()
                .toEntity(String.class);
    }

    @Test
    void a_clerk_token_books_a_payment_and_the_event_names_the_token_subject() {
        ResponseEntity<String> answer = payment(as("clerk-app"), "oidc-pay-1");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String who = service.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT convert_from(metadata, 'UTF8')::jsonb"
                                + " ->> 'who' FROM domainevententry ORDER BY globalindex DESC LIMIT 1",
                        String.class);
        assertThat(who).isEqualTo("clerk-app");
    }

    @Test
    void an_accountant_token_may_read_but_not_book() {
        RestClient accountant = as("accountant-app");

        ResponseEntity<String> answer = payment(accountant, "oidc-pay-2");

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(JSON.readTree(answer.getBody()).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(get(accountant, "/api/debtors/S-GEM-A").getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void a_participant_token_sees_its_own_participant_and_nothing_of_another() {
        RestClient gemB = as("gem-b-portal");

        assertThat(get(gemB, "/api/participants/GEM-B/position").getStatusCode().value())
                .isEqualTo(200);
        for (String path : new String[] {
            "/api/participants/GEM-A/remittances/2026-04-05/statement.csv",
            "/api/participants/GEM-A/position",
            "/api/remittance-runs/2026-04-05/pain001.xml",
            "/api/debtors/S-GEM-B"
        }) {
            ResponseEntity<String> answer = get(gemB, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(403);
            assertThat(JSON.readTree(answer.getBody()).path("code").asString())
                    .as(path)
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void a_token_whose_roles_claim_names_no_ledger_role_is_401_like_the_web_sign_in() {
        ResponseEntity<String> answer = get(as("auditor-app"), "/v3/api-docs");

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void no_token_or_a_forged_one_is_401() {
        String genuine = token("clerk-app");
        String[] parts = genuine.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("CLERK", "SUPERVISOR")
                        .getBytes());
        String forged = parts[0] + "." + forgedClaims + "." + parts[2];

        ResponseEntity<String> none = payment(TestUsers.anonymous(servicePort), "oidc-pay-3");
        ResponseEntity<String> tampered = payment(
                TestUsers.base(servicePort)
                        .defaultHeaders(h -> h.setBearerAuth(forged))
                        .build(),
                "oidc-pay-4");

        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(tampered.getStatusCode().value()).isEqualTo(401);
    }
}
