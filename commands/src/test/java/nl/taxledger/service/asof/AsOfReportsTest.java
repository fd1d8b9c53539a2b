package nl.taxledger.service.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import nl.taxledger.service.security.Role;

/**
 * Reference-date reports read the stored events (scenario 10's history) through the same
 * reader and fold for REST, CLI and runner; the same D and K give the same bytes.
 */
// Whole-ledger reports need a ledger of their own: the extra property gives this class its own
// Spring context, hence its own empty embedded database, instead of the one other tests share.
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=as-of-reports")
class AsOfReportsTest {
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);
    private static boolean booked;

    @Autowired
    LedgerClient ledger;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionSync projections;
    @Autowired
    ReconciliationQuery reconciliation;

    @BeforeEach
    void bookScenario10Once() {
        if (booked) {
            return;
        }
        booked = true;
        send("2026-02-27", "RegisterParticipant", """
                {"commandId":"reg","participantId":"GEM-A","name":"Gemeente A","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""");
        send("2026-02-27", "ImposeAssessment", """
                {"commandId":"c1","assessmentId":"A11","debtorId":"S11","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "bookingDate":"2026-02-27","lines":[{"lineId":"L1","participantId":"GEM-A","taxType":"OZB","taxYear":2026,"amount":"500.00"}]}""");
        send("2027-01-05", "ReceivePayment", """
                {"commandId":"c2","paymentId":"P11a","amount":"200.00","reference":"A11","valueDate":"2026-12-30","bookingDate":"2027-01-05"}""");
        send("2027-01-11", "ReceivePayment", """
                {"commandId":"c3","paymentId":"P11b","amount":"100.00","reference":"A11","valueDate":"2027-01-10","bookingDate":"2027-01-11"}""");
    }

    private void send(String today, String type, String json) {
        ledger.today(LocalDate.parse(today));
        ledger.submit(type, json);
    }

    private byte[] report(AsOfReport report, ReportFormat format, LocalDate asOf, LocalDate knownAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AsOfReports().write(dataSource, report, format, asOf, knownAt, out, EventStoreReader.NO_PROGRESS);
        return out.toByteArray();
    }

    @Test
    void the_reconciliation_as_of_the_year_end_as_known_now_counts_the_payment_valued_in_december() {
        assertThat(new String(report(AsOfReport.RECONCILIATION, ReportFormat.CSV, DEC_31, null))).isEqualTo("""
                participantId,taxType,taxYear,imposed,reductions,exemptions,annulments,remissions,uncollectible,received,outstanding
                GEM-A,OZB,2026,500.00,0.00,0.00,0.00,0.00,0.00,200.00,300.00
                """);
    }

    @Test
    void two_runs_with_the_same_dates_give_identical_bytes_in_every_report() {
        for (AsOfReport report : AsOfReport.values()) {
            for (ReportFormat format : ReportFormat.values()) {
                assertThat(report(report, format, DEC_31, DEC_31)).as(report + " " + format)
                        .isEqualTo(report(report, format, DEC_31, DEC_31));
            }
        }
    }

    @Test
    void with_every_fact_counted_the_journal_derived_reconciliation_agrees_with_the_live_projection() {
        projections.awaitCaughtUp(Duration.ofSeconds(30));
        AsOfFold fold = new AsOfReports().fold(dataSource, null, null, EventStoreReader.NO_PROGRESS);
        for (ReconciliationCell cell : fold.reconciliation()) {
            ReconciliationQuery.Cell live = reconciliation.cell(cell.participantId(), cell.taxType(), cell.taxYear()).orElseThrow();
            assertThat(List.of(cell.imposedCents(), cell.receivedCents(), cell.outstandingCents()))
                    .isEqualTo(List.of(live.imposedCents(), live.receivedCents(), live.outstandingCents()));
        }
    }

    @Test
    void the_rest_endpoint_gives_the_same_bytes_as_the_report_path() {
        RestClient http = ledger.httpAs("accountant", Role.ACCOUNTANT);
        byte[] body = http.get().uri("/api/reports/debtors?asOf=2026-12-31&knownAt=2027-01-04&format=csv")
                .retrieve().body(byte[].class);
        assertThat(new String(body)).isEqualTo("""
                debtorId,credit,assessmentId,costs,interest,principal
                S11,0.00,A11,0.00,0.00,500.00
                """);
        ResponseEntity<String> unknown = http.get().uri("/api/reports/nonsense?asOf=2026-12-31").retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    }
}
