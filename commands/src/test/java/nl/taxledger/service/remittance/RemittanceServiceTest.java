package nl.taxledger.service.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import nl.taxledger.service.testing.OfficialXsd;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Remittances through the real service: the command path, the scheduler, the files over REST. */
@LedgerServiceTest
class RemittanceServiceTest {
    @Autowired
    LedgerClient ledger;

    @Autowired
    RemittanceScheduler scheduler;

    @Autowired
    RemittanceQuery query;

    /** A participant registered on Monday 30 March 2026 with one OZB 2026 assessment of 500.00, 100.00 paid on 1 April. */
    private void participantWithAPayment(String id) {
        ledger.today(LocalDate.of(2026, 3, 30));
        ledger.submit("RegisterParticipant", """
                {"commandId":"reg-%1$s","participantId":"%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(id));
        ledger.submit("ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"%1$s","taxType":"OZB","taxYear":2026,"amount":"300.00"},
                          {"lineId":"L2","participantId":"%1$s","taxType":"RIOOLHEFFING","taxYear":2026,"amount":"200.00"}]}""".formatted(id));
        ledger.today(LocalDate.of(2026, 4, 1));
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-%1$s","paymentId":"P-%1$s","amount":"100.00","reference":"A-%1$s","valueDate":"2026-04-01"}""".formatted(id));
    }

    @Test
    void the_scheduler_issues_the_remittance_of_every_week_that_has_ended() {
        participantWithAPayment("REM-S");
        ledger.today(LocalDate.of(2026, 4, 6));

        List<String> sent = scheduler.issueDue();

        assertThat(sent).contains("auto-remittance:REM-S:2026-04-05");
        RemittanceQuery.Remittance issued =
                query.find("REM-S", LocalDate.of(2026, 4, 5)).orElseThrow();
        assertThat(issued.receiptsCents()).isEqualTo(10_000);
        assertThat(issued.reserveWithheldCents()).isEqualTo(50);
        assertThat(issued.amountCents()).isEqualTo(9_950);
    }

    @Test
    void the_scheduler_issues_nothing_twice() {
        participantWithAPayment("REM-T");
        ledger.today(LocalDate.of(2026, 4, 6));
        scheduler.issueDue();

        assertThat(scheduler.issueDue()).doesNotContain("auto-remittance:REM-T:2026-04-05");
        CommandOutcome again = ledger.submit("IssueRemittance", """
                {"commandId":"auto-remittance:REM-T:2026-04-05","participantId":"REM-T","periodEnd":"2026-04-05"}""");
        assertThat(again.replayed()).isTrue();
    }

    @Test
    void after_a_policy_change_to_quarterly_the_scheduler_pays_on_the_quarters_last_day() {
        participantWithAPayment("REM-Q");
        ledger.submit("ChangeRemittancePolicy", """
                {"commandId":"pol-REM-Q","participantId":"REM-Q","schedule":"QUARTERLY","reserveRate":"0.005","reserveYears":4,
                 "effectiveFrom":"2026-04-01"}""");
        ledger.today(LocalDate.of(2026, 7, 1));

        List<String> sent = scheduler.issueDue();

        assertThat(sent)
                .filteredOn(commandId -> commandId.contains(":REM-Q:"))
                .containsExactly("auto-remittance:REM-Q:2026-06-30");
        RemittanceQuery.Remittance quarter =
                query.find("REM-Q", LocalDate.of(2026, 6, 30)).orElseThrow();
        assertThat(quarter.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(quarter.amountCents()).isEqualTo(9_950);
    }

    @Test
    void a_receipt_booked_late_rolls_into_the_next_remittance() {
        participantWithAPayment("REM-L");
        ledger.today(LocalDate.of(2026, 4, 6));
        ledger.submit("IssueRemittance", """
                {"commandId":"rem-REM-L-1","participantId":"REM-L","periodEnd":"2026-04-05"}""");
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-REM-L-2","paymentId":"P-REM-L-2","amount":"50.00","reference":"A-REM-L","valueDate":"2026-04-03",
                 "bookingDate":"2026-04-03"}""");
        ledger.today(LocalDate.of(2026, 4, 13));

        ledger.submit("IssueRemittance", """
                {"commandId":"rem-REM-L-2","participantId":"REM-L","periodEnd":"2026-04-12"}""");

        assertThat(query.find("REM-L", LocalDate.of(2026, 4, 5)).orElseThrow().receiptsCents())
                .isEqualTo(10_000);
        assertThat(query.find("REM-L", LocalDate.of(2026, 4, 12)).orElseThrow().receiptsCents())
                .isEqualTo(5_000);
    }

    @Test
    void the_statement_the_credit_transfer_and_the_weekly_report_download_over_rest() throws Exception {
        participantWithAPayment("REM-R");
        ledger.today(LocalDate.of(2026, 4, 6));
        ledger.submit("IssueRemittance", """
                {"commandId":"rem-REM-R","participantId":"REM-R","periodEnd":"2026-04-05"}""");
        RestClient http = ledger.httpAs("accountant", Role.ACCOUNTANT);
        // four eyes: a supervisor who issued none of the run releases its credit transfer
        ledger.httpAs("teamleider", Role.SUPERVISOR)
                .post()
                .uri("/api/commands/ApproveRemittanceRun")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"commandId\":\"approve-REM-R\",\"periodEnd\":\"2026-04-05\"}")
                .retrieve()
                .toBodilessEntity();

        String csv = http.get()
                .uri("/api/participants/REM-R/remittances/2026-04-05/statement.csv")
                .retrieve()
                .body(String.class);
        ResponseEntity<byte[]> xlsx = http.get()
                .uri("/api/participants/REM-R/remittances/2026-04-05/statement.xlsx")
                .retrieve()
                .toEntity(byte[].class);
        String pain001 = http.get()
                .uri("/api/remittance-runs/2026-04-05/pain001.xml")
                .retrieve()
                .body(String.class);
        String weekly = http.get()
                .uri("/api/reports/weekly?periodEnd=2026-04-05")
                .retrieve()
                .body(String.class);
        JsonNode position =
                http.get().uri("/api/participants/REM-R/position").retrieve().body(JsonNode.class);
        JsonNode list =
                http.get().uri("/api/participants/REM-R/remittances").retrieve().body(JsonNode.class);

        assertThat(csv)
                .contains("Gemeente REM-R;2026-03-30;2026-04-05;OZB;2026;60,00;0,00;0,30;0,30;0,00;59,70")
                .contains("uit te betalen;;;;;;;99,50");
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getBody()).startsWith('P', 'K');
        OfficialXsd.PAIN_001.validate(pain001);
        assertThat(pain001).contains("<InstdAmt Ccy=\"EUR\">99.50</InstdAmt>");
        assertThat(weekly).contains("REM-R;Gemeente REM-R;OZB;2026;60,00;60,00;0,30;59,70");
        assertThat(position.path("receiptsCents").asLong()).isEqualTo(10_000);
        assertThat(position.path("remittedCents").asLong()
                        + position.path("reserveHeldCents").asLong()
                        + position.path("notYetRemittedCents").asLong()
                        - position.path("carriedForwardCents").asLong())
                .isEqualTo(10_000);
        assertThat(list).hasSize(1);
        keepSample("statement-REM-R-2026-04-05.csv", csv);
        keepSample("pain001-2026-04-05.xml", pain001);
        keepSample("weekly-2026-04-05.csv", weekly);
    }

    /** Samples for the docs, under target/: the files as a participant receives them. */
    private static void keepSample(String name, String content) throws Exception {
        Path dir = Path.of("target", "remittance-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
