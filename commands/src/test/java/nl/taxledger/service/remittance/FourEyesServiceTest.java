package nl.taxledger.service.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import nl.taxledger.ledger.api.ApproveRemittanceRun;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import nl.taxledger.service.testing.OfficialXsd;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four eyes on money that leaves (domain.md §11) through the real service: remittance-run files, refund batches and
 * participant IBAN changes, each released only by a supervisor other than the one who issued, booked or requested.
 * Its own ledger: a run is every remittance with one period end, so other tests' remittances stay out of it.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=four-eyes")
class FourEyesServiceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARTICIPANT_IBAN = "NL91ABNA0417164300";
    private static final String NEW_PARTICIPANT_IBAN = "NL69INGB0123456789";
    private static final String DEBTOR_IBAN = "NL20INGB0001234567";

    @Autowired
    LedgerClient ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaymentReleases releases;

    /** The office: two supervisors, two clerks and an accountant, each signed in as themselves. */
    private RestClient sanne;

    private RestClient bert;
    private RestClient clerk;
    private RestClient clara;
    private RestClient accountant;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        sanne = user("sanne", Role.SUPERVISOR);
        bert = user("bert", Role.SUPERVISOR);
        clerk = user("kees", Role.CLERK);
        clara = user("clara", Role.CLERK);
        accountant = user("ada", Role.ACCOUNTANT);
    }

    private RestClient user(String name, Role... roles) {
        return ledger.httpAs(name, roles);
    }

    private static ResponseEntity<String> command(RestClient as, String type, String json) {
        return as.post()
                .uri("/api/commands/" + type)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(String.class);
    }

    private static ResponseEntity<byte[]> download(RestClient as, String path) {
        return as.get().uri(path).retrieve().toEntity(byte[].class);
    }

    private static String code(ResponseEntity<?> answer) {
        Object body = answer.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return JSON.readTree(text).path("code").asString();
    }

    /** Participant {@code id} registered 30 March 2026, its debtor paying 100.00 on 1 April (booked that day). */
    private void participantWithAPayment(String id) {
        ledger.today(LocalDate.of(2026, 3, 30));
        ledger.submit("RegisterParticipant", """
                {"commandId":"reg-%1$s","participantId":"%1$s","name":"Gemeente %1$s","iban":"%2$s",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(id, PARTICIPANT_IBAN));
        ledger.submit("ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","lines":[{"lineId":"L1","participantId":"%1$s","taxType":"OZB",
                 "taxYear":2026,"amount":"300.00"}]}""".formatted(id));
        ledger.today(LocalDate.of(2026, 4, 1));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-%1$s","paymentId":"P-%1$s","amount":"100.00","reference":"A-%1$s",
                 "valueDate":"2026-04-01"}""".formatted(id));
    }

    /** {@code as} issues participant {@code id}'s remittance for the week ending {@code periodEnd}, the day after. */
    private void issue(RestClient as, String id, String periodEnd) {
        ledger.today(LocalDate.parse(periodEnd).plusDays(1));
        assertThat(command(as, "IssueRemittance", """
                {"commandId":"rem-%1$s-%2$s","participantId":"%1$s","periodEnd":"%2$s"}""".formatted(id, periodEnd))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    private static ResponseEntity<String> approveRun(RestClient as, String periodEnd, String commandId) {
        return command(as, "ApproveRemittanceRun", """
                {"commandId":"%s","periodEnd":"%s"}""".formatted(commandId, periodEnd));
    }

    @Test
    void the_issuer_approving_their_own_run_is_the_same_person() {
        participantWithAPayment("FE-SAME");
        issue(sanne, "FE-SAME", "2026-04-05");
        long before = ledger.events();

        ResponseEntity<String> answer = approveRun(sanne, "2026-04-05", "approve-same");

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(code(answer)).isEqualTo("SAME_PERSON");
        assertThat(ledger.events()).isEqualTo(before);
    }

    @Test
    void the_credit_transfer_waits_for_approval_then_downloads_the_same_release_every_time() throws Exception {
        participantWithAPayment("FE-REL");
        ledger.today(LocalDate.of(2026, 5, 11));
        // as the scheduler issues it (not scheduler.issueDue(): that would issue other tests' participants too);
        // the scheduler counts as the issuer, so one supervisor approves
        ledger.submitAs(new Actor(Principals.SCHEDULER.name(), null, "scheduler"), "IssueRemittance", """
                {"commandId":"rem-FE-REL","participantId":"FE-REL","periodEnd":"2026-05-10"}""");

        ResponseEntity<byte[]> before = download(accountant, "/api/remittance-runs/2026-05-10/pain001.xml");
        assertThat(before.getStatusCode().value()).isEqualTo(409);
        assertThat(code(before)).isEqualTo("APPROVAL_REQUIRED");

        assertThat(approveRun(bert, "2026-05-10", "approve-rel-1")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<byte[]> first = download(accountant, "/api/remittance-runs/2026-05-10/pain001.xml");
        String xml = new String(first.getBody(), StandardCharsets.UTF_8);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        OfficialXsd.PAIN_001.validate(xml);
        assertThat(first.getHeaders().getFirst("Payment-Message-Id")).isEqualTo("AFDR-2026-05-10-1");
        assertThat(xml).contains("<MsgId>AFDR-2026-05-10-1</MsgId>").contains("<InstdAmt Ccy=\"EUR\">99.50</InstdAmt>");

        long events = ledger.events();
        RestClient karin = user("karin", Role.SUPERVISOR);
        assertThat(approveRun(karin, "2026-05-10", "approve-rel-2")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<byte[]> second = download(accountant, "/api/remittance-runs/2026-05-10/pain001.xml");
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst("Payment-Message-Id")).isEqualTo("AFDR-2026-05-10-1");
        assertThat(ledger.events()).as("an unchanged run is not released twice").isEqualTo(events);
        assertThat(jdbc.queryForList(
                        "SELECT released_by FROM payment_file_release WHERE run_key = '2026-05-10'", String.class))
                .as("one release, by its approver")
                .containsExactly("bert");
    }

    @Test
    void a_run_changed_after_release_needs_a_new_approval_and_is_a_new_file_with_a_new_message_id() {
        participantWithAPayment("FE-CH1");
        participantWithAPayment("FE-CH2");
        issue(clerk, "FE-CH1", "2026-04-19");
        approveRun(bert, "2026-04-19", "approve-ch-1");
        ResponseEntity<byte[]> released = download(accountant, "/api/remittance-runs/2026-04-19/pain001.xml");
        assertThat(released.getHeaders().getFirst("Payment-Message-Id")).isEqualTo("AFDR-2026-04-19-1");

        issue(clerk, "FE-CH2", "2026-04-19"); // a late remittance with the same period end
        ResponseEntity<byte[]> changed = download(accountant, "/api/remittance-runs/2026-04-19/pain001.xml");
        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(code(changed)).isEqualTo("APPROVAL_REQUIRED");

        approveRun(bert, "2026-04-19", "approve-ch-2");
        ResponseEntity<byte[]> again = download(accountant, "/api/remittance-runs/2026-04-19/pain001.xml");
        String xml = new String(again.getBody(), StandardCharsets.UTF_8);
        assertThat(again.getHeaders().getFirst("Payment-Message-Id")).isEqualTo("AFDR-2026-04-19-2");
        assertThat(xml).contains("<MsgId>AFDR-2026-04-19-2</MsgId>").contains("<NbOfTxs>2</NbOfTxs>");
        assertThat(again.getBody()).isNotEqualTo(released.getBody());
    }

    @Test
    void a_run_that_changed_after_its_approval_was_checked_is_not_released() {
        participantWithAPayment("FE-RACE");
        issue(clerk, "FE-RACE", "2026-06-07");
        LocalDate end = LocalDate.of(2026, 6, 7);
        // the approval as routed before another remittance of that week committed: its fingerprint is not the run's
        var stale = new RemittanceRunApproved(ApproveRemittanceRun.runId(end), end, "0".repeat(64), 1, end.plusDays(1));

        assertThatThrownBy(() -> releases.on(stale, "event-race", "bert", Instant.now()))
                .isInstanceOfSatisfying(LedgerRejection.class, refused -> assertThat(refused.code())
                        .isEqualTo(ErrorCode.INVALID_STATE));
        assertThat(jdbc.queryForList(
                        "SELECT message_id FROM payment_file_release WHERE run_key = '2026-06-07'", String.class))
                .isEmpty();
    }

    @Test
    void refunds_are_released_in_batches_by_a_supervisor_who_did_not_book_them() throws Exception {
        participantWithAPayment("FE-REF");
        ledger.today(LocalDate.of(2026, 4, 2));
        ledger.submit("ReceivePayment", """
                {"commandId":"over-FE-REF","paymentId":"P-FE-REF-2","amount":"250.00","reference":"A-FE-REF",
                 "valueDate":"2026-04-02"}"""); // 50.00 more than owed: credit
        refund(bert, "ref-bert", "20.00");

        ResponseEntity<String> own = command(bert, "ApproveRefunds", """
                {"commandId":"approve-ref-own"}""");
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(code(own)).isEqualTo("SAME_PERSON");

        refund(clara, "ref-clara", "30.00");
        assertThat(command(bert, "ApproveRefunds", """
                {"commandId":"approve-ref-1"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(command(sanne, "ApproveRefunds", """
                {"commandId":"approve-ref-2"}""").getStatusCode().value())
                .isEqualTo(200);

        String first = new String(
                download(accountant, "/api/refund-batches/RB-1/pain001.xml").getBody(), StandardCharsets.UTF_8);
        String second = new String(
                download(accountant, "/api/refund-batches/RB-2/pain001.xml").getBody(), StandardCharsets.UTF_8);
        OfficialXsd.PAIN_001.validate(first);
        OfficialXsd.PAIN_001.validate(second);
        assertThat(first)
                .contains("<MsgId>TERUG-RB-1</MsgId>")
                .contains("TERUG-ref-clara")
                .contains(DEBTOR_IBAN)
                .doesNotContain("ref-bert")
                .contains("<InstdAmt Ccy=\"EUR\">30.00</InstdAmt>");
        assertThat(second)
                .contains("<MsgId>TERUG-RB-2</MsgId>")
                .contains("TERUG-ref-bert")
                .contains("<InstdAmt Ccy=\"EUR\">20.00</InstdAmt>");
        JsonNode batches = JSON.readTree(
                accountant.get().uri("/api/refund-batches").retrieve().body(String.class));
        assertThat(batches.findValuesAsString("messageId")).containsExactlyInAnyOrder("TERUG-RB-1", "TERUG-RB-2");
        assertThat(batches.findValuesAsString("releasedBy")).containsExactlyInAnyOrder("bert", "sanne");
        assertThat(code(command(sanne, "ApproveRefunds", """
                {"commandId":"approve-ref-3"}""")))
                .as("nothing waits")
                .isEqualTo("INVALID_STATE");
    }

    private void refund(RestClient as, String commandId, String amount) {
        assertThat(command(as, "PayRefund", """
                {"commandId":"%s","debtorId":"S-FE-REF","amount":"%s","valueDate":"2026-04-02","iban":"%s"}""".formatted(commandId, amount, DEBTOR_IBAN))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void an_iban_change_takes_effect_only_when_another_supervisor_approves_it() {
        participantWithAPayment("FE-IBAN");
        String change = """
                {"commandId":"iban-FE-IBAN","participantId":"FE-IBAN","iban":"%s"}""".formatted(NEW_PARTICIPANT_IBAN);
        assertThat(command(clerk, "RequestParticipantIbanChange", change)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(command(sanne, "RequestParticipantIbanChange", change)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        issue(clerk, "FE-IBAN", "2026-04-26");
        approveRun(bert, "2026-04-26", "approve-iban-run-1");
        String pending = new String(
                download(accountant, "/api/remittance-runs/2026-04-26/pain001.xml")
                        .getBody(),
                StandardCharsets.UTF_8);
        assertThat(pending)
                .as("requested, not approved")
                .contains(PARTICIPANT_IBAN)
                .doesNotContain(NEW_PARTICIPANT_IBAN);

        ResponseEntity<String> byRequester = command(sanne, "ApproveParticipantIbanChange", """
                {"commandId":"approve-iban-own","participantId":"FE-IBAN"}""");
        assertThat(byRequester.getStatusCode().value()).isEqualTo(403);
        assertThat(code(byRequester)).isEqualTo("SAME_PERSON");
        assertThat(command(bert, "ApproveParticipantIbanChange", """
                {"commandId":"approve-iban","participantId":"FE-IBAN"}""")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        ledger.today(LocalDate.of(2026, 5, 3));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-FE-IBAN-2","paymentId":"P-FE-IBAN-2","amount":"10.00","reference":"A-FE-IBAN",
                 "valueDate":"2026-05-03"}""");
        issue(clerk, "FE-IBAN", "2026-05-03");
        approveRun(bert, "2026-05-03", "approve-iban-run-2");
        String effective = new String(
                download(accountant, "/api/remittance-runs/2026-05-03/pain001.xml")
                        .getBody(),
                StandardCharsets.UTF_8);
        assertThat(effective).contains(NEW_PARTICIPANT_IBAN).doesNotContain(PARTICIPANT_IBAN);
    }
}
