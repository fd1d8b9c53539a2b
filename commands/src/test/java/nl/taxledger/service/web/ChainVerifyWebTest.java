package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Verify computed by the service (issue 16): {@code GET /api/chain/verify} and the button on /keten recompute the
 * chain with the code of {@code replay-tools verify}. A clean ledger verifies; a payment whose stored payload someone
 * with the database owner's rights edited is reported at its global position, in the API and on the page. Its own
 * ledger: the test edits the event store (and puts the row back).
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=verify")
class ChainVerifyWebTest {
    @Autowired
    LedgerClient ledger;

    @Autowired
    LocalUsers users;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @BeforeEach
    void aLedgerWithAPayment() {
        if (users.list().stream().noneMatch(u -> u.username().equals("vera"))) {
            users.create("vera", WebBrowserTest.PASSWORD, EnumSet.of(Role.ACCOUNTANT), Optional.empty(), "test");
            ledger.registerAndImpose("VA");
            ledger.submit("ReceivePayment", """
                    {"commandId":"pay-VA","paymentId":"P-VA","amount":"100.00","reference":"A-VA",
                     "valueDate":"2026-04-01"}""");
            ledger.awaitProjections();
        }
    }

    private JsonNode verifyAsAccountant() {
        return ledger.httpAs("arie", Role.ACCOUNTANT)
                .get()
                .uri("/api/chain/verify")
                .retrieve()
                .body(JsonNode.class);
    }

    @Test
    void a_clean_ledger_verifies_with_every_link_checked() {
        JsonNode verified = verifyAsAccountant();

        assertThat(verified.path("ok").asBoolean()).isTrue();
        assertThat(verified.path("findingsCount").asLong()).isZero();
        assertThat(verified.path("linksChecked").asLong())
                .isEqualTo(verified.path("headPosition").asLong())
                .isGreaterThan(3);
        assertThat(verified.path("events").asLong()).isEqualTo(ledger.events());
        assertThat(verified.path("firstBroken").isNull()).isTrue();
    }

    @Test
    void a_clerk_may_not_run_verify() {
        int status = ledger.httpAs("wout", Role.CLERK)
                .get()
                .uri("/api/chain/verify")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();

        assertThat(status).isEqualTo(403);
    }

    @Test
    void an_edited_payment_is_reported_at_its_position_in_the_api_and_on_the_page() {
        JdbcTemplate jdbc = OwnerConnection.jdbc(environment);
        long position = jdbc.queryForObject(
                "SELECT min(globalindex) FROM domainevententry WHERE payloadtype = ?",
                Long.class,
                "nl.taxledger.ledger.api.PaymentReceived");
        byte[] original = jdbc.queryForObject(
                "SELECT payload FROM domainevententry WHERE globalindex = ?", byte[].class, position);
        jdbc.update(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " '10000', '1000'), 'UTF8') WHERE globalindex = ?",
                position);
        try {
            JsonNode verified = verifyAsAccountant();

            assertThat(verified.path("ok").asBoolean()).isFalse();
            assertThat(verified.path("findingsCount").asLong()).isEqualTo(1);
            assertThat(verified.path("firstBroken").asString()).isEqualTo("global position " + position);
            assertThat(verified.path("findings").get(0).path("kind").asString()).isEqualTo("EDITED");
            try (Browser browser = Browser.open(port)) {
                browser.signIn("vera", WebBrowserTest.PASSWORD).go("/keten");
                browser.clickAndWaitFor(By.id("verify-knop"), By.cssSelector("#verify-uitkomst .melding"));
                browser.scrollTo(By.id("verify-uitkomst")).screenshot("keten-verify-gebroken");

                assertThat(browser.text(By.id("verify-uitkomst"))).contains("Keten gebroken");
                assertThat(browser.text(By.id("verify-eerste"))).isEqualTo("global position " + position);
                assertThat(browser.text(By.id("verify-bevindingen"))).contains("EDITED");
            }
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, position);
        }
        assertThat(verifyAsAccountant().path("ok").asBoolean())
                .as("the row put back")
                .isTrue();
    }
}
