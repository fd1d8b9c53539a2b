package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web view's sign-in with the identity provider (oidc mode), end to end in a real browser: a real OpenID
 * provider (Spring Authorization Server, on its own random port) with people who sign in there by password; the
 * service, given its issuer URI and a client registration, sends the browser there ("Inloggen via ..."), takes the
 * authorization code back, checks the signed ID token against the provider's JWKS and maps its claims by the same
 * mapping as the API's bearer tokens. The provider is at {@code localhost}, the service at {@code 127.0.0.1}: two
 * hosts, so their session cookies do not overwrite each other.
 */
class OidcWebSignInTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "provider-password-1234";
    private static final String PROVIDER_NAME = "Gemeente Testdorp";
    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext service;
    private static String serviceBase;

    /** The OpenID provider: each person's ID token carries the roles (and participant) the ledger reads. */
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
    static class Provider {
        @Bean
        InMemoryUserDetailsManager people() {
            return new InMemoryUserDetailsManager(List.of("ria", "gerrit", "onno").stream()
                    .map(name -> User.withUsername(name)
                            .password("{noop}" + PASSWORD)
                            .roles("USER")
                            .build())
                    .toList());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                switch (context.getPrincipal().getName()) {
                    case "ria" -> context.getClaims().claim("roles", List.of("CLERK"));
                    case "gerrit" ->
                        context.getClaims().claim("roles", "PARTICIPANT").claim("participant_id", "GEM-OB");
                    case "onno" -> context.getClaims().claim("roles", List.of("AUDITOR"));
                    default -> {}
                }
            };
        }
    }

    @BeforeAll
    static void startProviderAndService() throws IOException {
        int servicePort = freePort();
        serviceBase = "http://127.0.0.1:" + servicePort;
        // as arguments: default properties rank below the application.yml on the classpath (server.port 8080)
        provider = new SpringApplicationBuilder(Provider.class)
                .run(providerProperties().entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        String issuer = "http://localhost:" + provider.getEnvironment().getProperty("local.server.port");
        String registration = "--spring.security.oauth2.client.registration.gemeente.";
        service = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--ledger.security.mode=oidc",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                        "--spring.security.oauth2.client.provider.gemeente.issuer-uri=" + issuer,
                        registration + "client-id=ledger-web",
                        registration + "client-secret=" + PASSWORD,
                        registration + "client-name=" + PROVIDER_NAME,
                        registration + "scope=openid",
                        "--ledger.embedded.ephemeral=true",
                        "--ledger.scheduling.enabled=false",
                        "--server.port=" + servicePort,
                        "--server.address=127.0.0.1");
        twoParticipants();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> providerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        // an initializer of the ledger's jar starts an embedded PostgreSQL unless a datasource is named
        properties.put("spring.datasource.url", "jdbc:postgresql://localhost:1/unused");
        properties.put("spring.main.banner-mode", "off");
        String client = "spring.security.oauth2.authorizationserver.client.ledger-web.registration.";
        properties.put(client + "client-id", "ledger-web");
        properties.put(client + "client-secret", "{noop}" + PASSWORD);
        properties.put(client + "client-authentication-methods", "client_secret_basic");
        properties.put(client + "authorization-grant-types", "authorization_code");
        properties.put(client + "redirect-uris", serviceBase + "/login/oauth2/code/gemeente");
        properties.put(client + "scopes", "openid");
        return properties;
    }

    private static void twoParticipants() {
        CommandService commands = service.getBean(CommandService.class);
        Actor setup = new Actor("system:test-setup", null, "test");
        for (String id : new String[] {"GEM-OA", "GEM-OB"}) {
            commands.submit("RegisterParticipant", JSON.readTree("""
                    {"commandId":"reg-%1$s","participantId":"%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                     "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(id)), setup);
        }
        service.getBean(ProjectionSync.class).awaitCaughtUp(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A fresh browser (no session at either host) that asks for {@code page} and signs in at the provider. */
    private static Browser signInAtProvider(String person, String page) {
        Browser browser = Browser.open(serviceBase);
        browser.go(page);
        assertThat(browser.path()).isEqualTo("/login");
        browser.click(By.linkText("Inloggen via " + PROVIDER_NAME));
        assertThat(browser.url()).startsWith("http://localhost:");
        browser.type("username", person).type("password", PASSWORD);
        return browser.click(By.cssSelector("form button[type=submit]"));
    }

    @Test
    void a_clerk_signs_in_at_the_provider_and_the_who_am_i_page_shows_provider_name_and_role() {
        try (Browser browser = signInAtProvider("ria", "/ik")) {
            browser.screenshot("oidc-ik");

            assertThat(browser.path()).startsWith("/ik");
            assertThat(browser.text(By.id("gebruiker"))).isEqualTo("ria");
            assertThat(browser.text(By.id("rol"))).contains("CLERK");
            assertThat(browser.text(By.id("aanmelding"))).contains("OpenID Connect", PROVIDER_NAME);
            assertThat(browser.go("/suspense").pageText()).doesNotContain("Geen toegang");
        }
    }

    @Test
    void a_participant_from_the_provider_sees_its_own_participant_and_the_403_page_for_another() {
        try (Browser browser = signInAtProvider("gerrit", "/ik")) {
            assertThat(browser.text(By.id("rol"))).contains("PARTICIPANT");
            assertThat(browser.text(By.id("deelnemer"))).isEqualTo("GEM-OB");

            assertThat(browser.go("/deelnemers/GEM-OB").pageText()).contains("Gemeente GEM-OB");
            String other = browser.go("/deelnemers/GEM-OA").pageText();
            browser.screenshot("oidc-deelnemer-ander");
            assertThat(other).contains("Geen toegang (403)").doesNotContain("Gemeente GEM-OA");
            assertThat(browser.go("/debiteuren").pageText()).contains("Geen toegang (403)");
        }
    }

    @Test
    void someone_whose_role_claim_names_no_ledger_role_is_refused_and_stays_signed_out() {
        try (Browser browser = signInAtProvider("onno", "/ik")) {
            browser.screenshot("oidc-geweigerd");

            assertThat(browser.path()).isEqualTo("/login?error=oidc");
            assertThat(browser.text(By.id("aanmelden-geweigerd"))).contains("geweigerd", "AUDITOR");
            assertThat(browser.go("/ik").path()).isEqualTo("/login");
        }
    }
}
