package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The web view in a real browser (headless Debian Chromium): each role signs in, a clerk books a payment through
 * the form and sees the balance change, a refused form shows its error code beside the field, a second supervisor
 * approves a run and the pain.001 link appears, a participant gets the 403 page for another participant, the
 * collection-rate chart renders. Every test saves a screenshot under target/screenshots/. Its own ledger: a
 * remittance run is every remittance with one period end.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=web")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBrowserTest {
    static final String PASSWORD = "web-test-password-1234";

    @Autowired
    LedgerClient ledger;

    @Autowired
    LocalUsers users;

    @Autowired
    ProjectionSync projections;

    @Autowired
    nl.taxledger.service.bank.BankStatementImport bankStatements;

    @Autowired
    nl.taxledger.service.hashchain.ChainAnchors anchors;

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void office() {
        user("wendy", Role.CLERK);
        user("sanne", Role.SUPERVISOR);
        user("bert", Role.SUPERVISOR);
        user("ada", Role.ACCOUNTANT);
        if (users.list().stream().noneMatch(u -> u.username().equals("pieter"))) {
            users.create("pieter", PASSWORD, EnumSet.of(Role.PARTICIPANT), Optional.of("GEM-WA"), "test");
        }
        ledger.today(LocalDate.of(2026, 3, 30));
        ledger.registerAndImpose("WA");
        ledger.registerAndImpose("WB");
        ledger.awaitProjections();
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void user(String name, Role role) {
        if (users.list().stream().noneMatch(u -> u.username().equals(name))) {
            users.create(name, PASSWORD, EnumSet.of(role), Optional.empty(), "test");
        }
    }

    @Test
    void each_role_signs_in_and_sees_who_it_is() {
        for (List<String> person : List.of(
                List.of("wendy", "CLERK"),
                List.of("sanne", "SUPERVISOR"),
                List.of("ada", "ACCOUNTANT"),
                List.of("pieter", "PARTICIPANT"))) {
            browser.signIn(person.get(0), PASSWORD).go("/ik");

            assertThat(browser.text(By.id("gebruiker"))).isEqualTo(person.get(0));
            assertThat(browser.text(By.id("rol"))).contains(person.get(1));
            browser.screenshot("ik-" + person.get(1).toLowerCase());
        }
        assertThat(browser.text(By.id("deelnemer"))).isEqualTo("GEM-WA");
    }

    @Test
    void a_wrong_password_stays_on_the_sign_in_page_with_a_message() {
        browser.signIn("wendy", "not-the-password-at-all");

        assertThat(browser.path()).startsWith("/login?error");
        assertThat(browser.pageText()).contains("Aanmelden is niet gelukt");
    }

    @Test
    void a_payment_booked_through_the_form_changes_the_balance() {
        browser.signIn("wendy", PASSWORD).go("/debiteuren?q=A-WA");
        assertThat(browser.path()).isEqualTo("/debiteuren/S-WA");
        assertThat(openPrincipal("A-WA")).isEqualTo("€ 500,00");

        ledger.today(LocalDate.of(2026, 4, 2));
        browser.go("/boeken/ReceivePayment")
                .type("paymentId", "P-WEB-1")
                .type("amount", "123,45")
                .type("valueDate", "01-04-2026")
                .type("reference", "A-WA")
                .type("toelichting", "betaling aan de balie")
                .click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("resultaat"))).isEqualTo("PaymentReceived");
        browser.screenshot("betaling-geboekt");
        projections.awaitCaughtUp(Duration.ofSeconds(30));
        browser.click(By.id("naar-debiteur"));

        assertThat(openPrincipal("A-WA")).isEqualTo("€ 376,55");
        assertThat(browser.pageText()).contains("wendy").contains("betaling aan de balie");
        browser.screenshot("debiteur-na-betaling");
    }

    private String openPrincipal(String assessmentId) {
        return browser.text(By.cssSelector(".open-hoofdsom[data-assessment='" + assessmentId + "']"));
    }

    @Test
    void a_refused_form_shows_the_error_code_beside_the_field() {
        browser.signIn("wendy", PASSWORD)
                .go("/boeken/ReceivePayment")
                .type("paymentId", "P-WEB-BAD")
                .type("amount", "twaalf euro")
                .type("valueDate", "01-04-2026")
                .type("reference", "A-WB")
                .click(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("#probleem .foutcode"))).isEqualTo("VALIDATION_FAILED");
        assertThat(browser.text(By.id("amount-fout"))).startsWith("VALIDATION_FAILED");
        assertThat(browser.all(By.cssSelector("#amount[aria-invalid=true]"))).hasSize(1);
        browser.screenshot("formulier-geweigerd");
    }

    @Test
    void a_second_supervisor_approves_a_run_and_the_pain001_link_appears() {
        ledger.today(LocalDate.of(2026, 4, 6));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-web-run","paymentId":"P-WEB-RUN","amount":"80.00","reference":"A-WB",
                 "valueDate":"2026-04-03","bookingDate":"2026-04-03"}""");
        ledger.submitAs(new Actor("sanne", null, "test"), "IssueRemittance", """
                {"commandId":"rem-web-WB","participantId":"GEM-WB","periodEnd":"2026-04-05"}""");
        By approve = By.cssSelector("tr[data-run='2026-04-05'] button");

        browser.signIn("sanne", PASSWORD).go("/goedkeuren").click(approve);
        assertThat(browser.text(By.cssSelector("#probleem .foutcode"))).isEqualTo("SAME_PERSON");

        browser.signIn("bert", PASSWORD).go("/goedkeuren");
        assertThat(browser.all(By.cssSelector("tr[data-run='2026-04-05'] a.pain001")))
                .isEmpty();
        browser.click(approve);
        assertThat(browser.text(By.id("resultaat"))).isNotBlank();
        browser.go("/goedkeuren");

        assertThat(browser.all(By.cssSelector("tr[data-run='2026-04-05'] a.pain001")))
                .hasSize(1);
        assertThat(browser.text(By.cssSelector("tr[data-run='2026-04-05']"))).contains("vrijgegeven door bert");
        browser.screenshot("run-goedgekeurd");
    }

    @Test
    void a_participant_opening_another_participants_page_gets_the_403_page() {
        browser.signIn("pieter", PASSWORD);
        assertThat(browser.path()).isEqualTo("/deelnemers/GEM-WA");
        browser.screenshot("deelnemer-eigen");

        browser.go("/deelnemers/GEM-WB");

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Geen toegang (403)");
        assertThat(browser.pageText()).doesNotContain("Gemeente WB");
        browser.screenshot("deelnemer-403");
    }

    @Test
    void the_collection_rate_chart_renders() {
        browser.signIn("ada", PASSWORD).go("/rapporten/collection-rate?peildatum=31-12-2030");

        assertThat(browser.all(By.cssSelector("svg.grafiek"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("svg.grafiek line.norm"))).hasSize(3);
        assertThat(browser.all(By.cssSelector("svg.grafiek polyline.cohort"))).isNotEmpty();
        assertThat(browser.pageText()).contains("norm 99,5%");
        browser.screenshot("invorderingspercentage");
    }

    @Test
    void the_reconciliation_grid_drills_down_to_the_facts_and_debtors_behind_a_cell() {
        browser.signIn("ada", PASSWORD).go("/rapporten/reconciliation?peildatum=31-12-2026");
        browser.screenshot("aansluiting");

        browser.click(By.xpath("//tr[td='GEM-WA' and td='OZB']//a"));

        assertThat(browser.path()).startsWith("/rapporten/aansluiting/GEM-WA/OZB/2026?peildatum=31-12-2026");
        assertThat(browser.all(By.linkText("S-WA"))).isNotEmpty();
    }

    @Test
    void an_uploaded_bank_file_shows_each_transaction_and_its_outcome() throws Exception {
        ledger.today(LocalDate.of(2026, 3, 5));
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-web-ing","iban":"NL42INGB8340629042","purpose":"RECEIPTS","name":"Ontvangsten ING"}""");
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/web/camt053-bankkosten.xml")
                .toAbsolutePath();

        browser.signIn("wendy", PASSWORD).go("/bankbestanden");
        browser.upload("bestand", file).click(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("table.transacties tbody"))).contains("UNRECONCILED_DEBIT");
        browser.screenshot("bankbestand");
    }

    @Test
    void a_clerk_prepares_a_direct_debit_run_and_sees_its_transactions_and_the_pain008_link() {
        ledger.today(LocalDate.of(2026, 4, 20));
        ledger.registerAndImpose("WD");
        ledger.awaitProjections(); // the debtor page reads the read model: wait until it has the new debtor
        browser.signIn("wendy", PASSWORD).go("/debiteuren/S-WD");
        browser.click(By.linkText("Machtiging registreren voor deze debiteur"))
                .type("mandateId", "M-WD")
                .type("iban", "NL20INGB0001234567")
                .type("signedDate", "01-03-2026")
                .click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("resultaat"))).isEqualTo("DirectDebitMandateRegistered");

        browser.go("/incasso").type("collectionDate", "15-04-2026").click(By.cssSelector("main form button"));
        assertThat(browser.text(By.id("collectionDate-fout"))).startsWith("VALIDATION_FAILED");
        browser.type("collectionDate", "30-04-2026").click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("resultaat"))).isEqualTo("DirectDebitRunIssued");
        browser.click(By.id("naar-run"));

        assertThat(browser.path()).isEqualTo("/incasso/2026-04-30");
        String transaction = browser.text(By.cssSelector("tr[data-end-to-end='DD20260430-1']"));
        assertThat(transaction).contains("S-WD", "M-WD", "A-WD", "FRST", "2 van 10");
        assertThat(browser.all(By.linkText("S-WD"))).hasSize(1);
        assertThat(browser.all(By.id("pain008")).get(0).getAttribute("href"))
                .endsWith("/api/direct-debit-runs/2026-04-30/pain008.xml");
        browser.screenshot("incassorun");

        browser.go("/incasso").type("collectionDate", "30-04-2026").click(By.cssSelector("main form button"));
        assertThat(browser.text(By.id("collectionDate-fout"))).startsWith("RUN_ALREADY_ISSUED");
        browser.go("/incasso");
        assertThat(browser.all(By.cssSelector("tr[data-run='2026-04-30'] a.pain008")))
                .hasSize(1);
        browser.go("/debiteuren/S-WD");
        assertThat(browser.text(By.cssSelector("tr[data-mandate='M-WD'] .status")))
                .isEqualTo("actief");
        assertThat(browser.text(By.cssSelector("table.termijnen"))).contains("DD20260430-1");
    }

    @Test
    void the_bank_reconciliation_shows_the_balances_and_explains_the_difference() throws Exception {
        ledger.today(LocalDate.of(2026, 3, 5));
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-web-ing","iban":"NL42INGB8340629042","purpose":"RECEIPTS","name":"Ontvangsten ING"}""");
        // the same file as the upload test: whichever imports it second books nothing
        bankStatements.importFile(
                java.nio.file.Files.readAllBytes(
                        java.nio.file.Path.of("src/test/resources/web/camt053-bankkosten.xml")),
                new nl.taxledger.service.bank.BankStatementImport.Options(false, null, null),
                LedgerClient.CLERK);

        browser.signIn("ada", PASSWORD).go("/bankreconciliatie?rekening=NL42INGB8340629042&datum=04-03-2026");

        assertThat(browser.text(By.id("eindsaldo"))).isEqualTo("€ 697,05");
        assertThat(browser.text(By.id("grootboeksaldo"))).isEqualTo("€ 0,00");
        assertThat(browser.text(By.id("verschil"))).isEqualTo("€ 697,05");
        assertThat(browser.text(By.id("onverklaard"))).isEqualTo("€ 0,00");
        assertThat(browser.all(By.cssSelector(".onverklaard"))).isEmpty();
        assertThat(browser.text(By.cssSelector("tr[data-kind='UNRECONCILED_DEBIT']")))
                .contains("€ -2,95");
        assertThat(browser.all(By.id("download-xlsx")).get(0).getAttribute("href"))
                .endsWith("/api/bank-reconciliation?account=NL42INGB8340629042&date=2026-03-04&format=xlsx");
        browser.screenshot("bankreconciliatie");
    }

    @Test
    void the_chain_page_shows_the_head_its_newest_anchor_and_how_to_verify() {
        nl.taxledger.service.hashchain.ChainAnchors.Anchor anchor = anchors.write(
                nl.taxledger.service.hashchain.ChainAnchors.PAYMENT_FILES_FILE, "anker uit de browsertest");

        browser.signIn("ada", PASSWORD).go("/keten");

        assertThat(browser.text(By.id("ketenstatus"))).contains("De keten loopt");
        assertThat(Long.parseLong(browser.text(By.id("kop-positie")))).isGreaterThan(1);
        assertThat(browser.text(By.id("kop-hash"))).matches("[0-9a-f]{64}");
        assertThat(browser.text(By.id("verify-opdracht"))).contains("verify", "--anchor");
        assertThat(browser.text(By.cssSelector("table.ankers tbody tr")))
                .contains("anker uit de browsertest", Long.toString(anchor.position()), anchor.hash());
        browser.screenshot("keten");
    }

    @Test
    void an_assessment_with_two_lines_imposed_through_the_form_is_on_the_debtor_page() {
        browser.signIn("wendy", PASSWORD).go("/boeken").click(By.linkText("Aanslag opleggen"));
        browser.type("assessmentId", "A-WF")
                .type("debtorId", "S-WF")
                .type("issueDate", "27-02-2026")
                .type("dueDate", "30-04-2026")
                .type("lines-0-lineId", "L1")
                .type("lines-0-participantId", "GEM-WA")
                .type("lines-0-taxType", "OZB")
                .type("lines-0-taxYear", "2026")
                .type("lines-0-amount", "1.234,56")
                .click(By.id("lines-erbij"));
        assertThat(browser.focusedId()).as("the new row takes the focus").isEqualTo("lines-1-lineId");
        assertThat(browser.text(By.cssSelector("fieldset[data-rij='lines[1]'] legend")))
                .isEqualTo("Aanslagregel 2");
        browser.type("lines-1-lineId", "L2")
                .type("lines-1-participantId", "GEM-WA")
                .type("lines-1-taxType", "RIOOLHEFFING")
                .type("lines-1-taxYear", "2026")
                .type("lines-1-amount", "65,4")
                .type("toelichting", "aanslag via het formulier")
                .screenshot("aanslag-twee-regels");
        browser.click(By.id("versturen"));
        assertThat(browser.text(By.id("resultaat"))).isEqualTo("AssessmentImposed");
        projections.awaitCaughtUp(Duration.ofSeconds(30));
        browser.click(By.id("naar-debiteur"));

        assertThat(browser.path()).isEqualTo("/debiteuren/S-WF");
        assertThat(openPrincipal("A-WF")).isEqualTo("€ 1.299,96");
        assertThat(browser.pageText()).contains("€ 1.234,56", "€ 65,40", "aanslag via het formulier");
        browser.screenshot("debiteur-na-aanslag");
    }

    @Test
    void a_refused_field_of_the_second_line_is_shown_beside_that_field() {
        long events = ledger.events();
        browser.signIn("wendy", PASSWORD).go("/boeken/ImposeAssessment");
        browser.type("assessmentId", "A-WH")
                .type("debtorId", "S-WH")
                .type("issueDate", "27-02-2026")
                .type("dueDate", "30-04-2026")
                .type("lines-0-lineId", "L1")
                .type("lines-0-participantId", "GEM-WA")
                .type("lines-0-taxType", "OZB")
                .type("lines-0-taxYear", "2026")
                .type("lines-0-amount", "100,00")
                .click(By.id("lines-erbij"));
        browser.type("lines-1-lineId", "L2")
                .type("lines-1-participantId", "GEM-ONBEKEND")
                .type("lines-1-taxType", "OZB")
                .type("lines-1-taxYear", "2026")
                .type("lines-1-amount", "12,50")
                .click(By.id("versturen"));

        assertThat(browser.text(By.id("lines-1-participantId-fout"))).startsWith("UNKNOWN_PARTICIPANT");
        assertThat(browser.all(By.cssSelector("#lines-1-participantId[aria-invalid=true]")))
                .hasSize(1);
        assertThat(browser.all(By.id("lines-0-participantId-fout"))).isEmpty();

        browser.type("lines-1-participantId", "GEM-WA")
                .type("lines-1-amount", "12,345")
                .click(By.id("versturen"));

        assertThat(browser.text(By.cssSelector("#probleem .foutcode"))).isEqualTo("VALIDATION_FAILED");
        assertThat(browser.text(By.cssSelector("fieldset[data-rij='lines[1]'] .veldfout")))
                .startsWith("VALIDATION_FAILED")
                .contains("twee decimalen");
        assertThat(browser.focusedId()).as("the refused input takes the focus").isEqualTo("lines-1-amount");
        assertThat(browser.all(By.cssSelector("#lines-1-amount[aria-invalid=true]")))
                .hasSize(1);
        assertThat(browser.all(By.cssSelector("fieldset[data-rij='lines[0]'] .veldfout")))
                .isEmpty();
        browser.screenshot("aanslagregel-geweigerd");
        assertThat(ledger.events()).as("nothing was imposed").isEqualTo(events);
    }

    @Test
    void the_drill_down_at_a_past_peildatum_shows_the_past_figure() {
        ledger.today(LocalDate.of(2026, 2, 27)); // imposed and booked on its issue date
        ledger.registerAndImpose("WG");
        ledger.today(LocalDate.of(2026, 4, 15));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-wg-1","paymentId":"P-WG-1","amount":"100.00","reference":"A-WG",
                 "valueDate":"2026-03-10","bookingDate":"2026-03-12"}""");
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-wg-2","paymentId":"P-WG-2","amount":"50.00","reference":"A-WG",
                 "valueDate":"2026-04-10","bookingDate":"2026-04-12"}""");

        browser.signIn("ada", PASSWORD).go("/rapporten/reconciliation?peildatum=31-03-2026");
        browser.click(By.xpath("//tr[td='GEM-WG' and td='OZB']//a"));

        assertThat(browser.path()).startsWith("/rapporten/aansluiting/GEM-WG/OZB/2026?peildatum=31-03-2026");
        // of the 100,00 on A-WG (OZB 300,00, RIOOLHEFFING 200,00) OZB's share is 60,00; of the 50,00 after it, none
        assertThat(browser.text(By.cssSelector("#celtotaal [data-kolom=RECEIVED]")))
                .isEqualTo("€ 60,00");
        assertThat(browser.text(By.cssSelector("#celtotaal [data-kolom=OUTSTANDING]")))
                .isEqualTo("€ 240,00");
        assertThat(browser.text(By.cssSelector("table.celfeiten tbody")))
                .contains("AssessmentImposed", "PaymentReceived", "10-03-2026")
                .doesNotContain("10-04-2026");
        assertThat(browser.all(By.id("download-csv")).get(0).getAttribute("href"))
                .contains("/rapporten/aansluiting/GEM-WG/OZB/2026?peildatum=31-03-2026")
                .contains("formaat=csv");
        browser.screenshot("aansluitingscel-peildatum");

        browser.type("bekendOp", "11-03-2026").click(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.text(By.id("cel-datums"))).contains("31-03-2026", "11-03-2026");
        assertThat(browser.text(By.cssSelector("#celtotaal [data-kolom=RECEIVED]")))
                .isEqualTo("€ 0,00");
        assertThat(browser.text(By.cssSelector("#celtotaal [data-kolom=OUTSTANDING]")))
                .isEqualTo("€ 300,00");
    }
}
