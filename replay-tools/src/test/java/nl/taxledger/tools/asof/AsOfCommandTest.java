package nl.taxledger.tools.asof;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay-tools as-of} on the data directory of a stopped service: a small history is
 * booked by the real service, the service stops, and the CLI replays its event store.
 */
class AsOfCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path temp;
    static Path dataDirectory;

    /** Set -Dasof.example.dir=DIR to keep the example database (docs/replay-tools.md uses it). */
    @BeforeAll
    static void bookAHistoryAndStopTheService() throws IOException {
        String keep = System.getProperty("asof.example.dir");
        dataDirectory = keep != null ? Path.of(keep) : temp.resolve("postgres");
        Files.createDirectories(dataDirectory);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
             ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class)
                     .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                     .properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                             "spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
                             "logging.level.root", "WARN", "ledger.scheduling.enabled", "false"))
                     .run()) {
            ExampleHistory.book(service.getBean(CommandService.class), service.getBean(LedgerClock.class));
        }
    }

    private static String asOf(String... args) throws IOException {
        Path out = Files.createTempFile(temp, "report", ".out");
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = dataDirectory.toString();
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        assertThat(new CommandLine(new AsOfCommand()).execute(all)).isZero();
        return Files.readString(out);
    }

    @Test
    void the_reconciliation_as_reported_at_the_year_end_leaves_out_the_payment_booked_in_january() throws IOException {
        assertThat(asOf("--peildatum", "2026-12-31", "--known-at", "2026-12-31", "--report", "reconciliation"))
                .contains("GEM-A,OZB,2026,500.00,0.00,0.00,0.00,0.00,0.00,0.00,500.00");
        assertThat(asOf("--peildatum", "2026-12-31", "--report", "reconciliation"))
                .contains("GEM-A,OZB,2026,500.00,0.00,0.00,0.00,0.00,0.00,200.00,300.00");
    }

    @Test
    void two_runs_give_identical_bytes() throws IOException {
        for (String report : new String[] {"reconciliation", "debtors", "trial-balance", "management-info", "collection-rate"}) {
            for (String format : new String[] {"csv", "json"}) {
                String[] args = {"--peildatum", "2026-12-31", "--report", report, "--format", format};
                assertThat(asOf(args)).as(report + " " + format).isEqualTo(asOf(args));
            }
        }
    }

    @Test
    void the_trial_balance_ends_in_a_zero_total() throws IOException {
        assertThat(asOf("--peildatum", "2027-12-31", "--report", "trial-balance")).contains("TOTAL,,,");
        assertThat(asOf("--peildatum", "2027-12-31", "--report", "trial-balance").lines()
                .filter(l -> l.contains("TOTAL")).findFirst().orElseThrow()).endsWith(",0.00");
    }

    /** The example booked through the real command path (scenario 10, plus costs, a second participant and suspense). */
    static final class ExampleHistory {
        static void book(CommandService commands, LedgerClock clock) {
            String[][] lines = {
                {"2026-02-27", "RegisterParticipant", "{\"commandId\":\"reg-A\",\"participantId\":\"GEM-A\",\"name\":\"Gemeente A\",\"iban\":\"NL91ABNA0417164300\",\"schedule\":\"WEEKLY\",\"reserveRate\":\"0.005\",\"reserveYears\":4}"},
                {"2026-02-27", "RegisterParticipant", "{\"commandId\":\"reg-W\",\"participantId\":\"WS-R\",\"name\":\"Waterschap R\",\"iban\":\"NL20INGB0001234567\",\"schedule\":\"QUARTERLY\",\"reserveRate\":\"0.005\",\"reserveYears\":4}"},
                {"2026-02-27", "ImposeAssessment", "{\"commandId\":\"c1\",\"assessmentId\":\"A11\",\"debtorId\":\"S11\",\"issueDate\":\"2026-02-27\",\"dueDate\":\"2026-04-30\",\"lines\":[{\"lineId\":\"L1\",\"participantId\":\"GEM-A\",\"taxType\":\"OZB\",\"taxYear\":2026,\"amount\":\"500.00\"}]}"},
                {"2026-03-02", "ImposeAssessment", "{\"commandId\":\"c4\",\"assessmentId\":\"A12\",\"debtorId\":\"S12\",\"issueDate\":\"2026-03-02\",\"dueDate\":\"2026-05-31\",\"lines\":[{\"lineId\":\"L1\",\"participantId\":\"GEM-A\",\"taxType\":\"RIOOLHEFFING\",\"taxYear\":2026,\"amount\":\"240.00\"},{\"lineId\":\"L2\",\"participantId\":\"WS-R\",\"taxType\":\"WATERSYSTEEMHEFFING\",\"taxYear\":2026,\"amount\":\"120.00\"}]}"},
                {"2026-06-15", "ChargeCosts", "{\"commandId\":\"c5\",\"assessmentId\":\"A12\",\"costId\":\"K1\",\"kind\":\"AANMANING\",\"amount\":\"7.50\",\"date\":\"2026-06-15\"}"},
                {"2026-07-01", "ReceivePayment", "{\"commandId\":\"c6\",\"paymentId\":\"P12a\",\"amount\":\"100.00\",\"reference\":\"A12\",\"valueDate\":\"2026-07-01\"}"},
                {"2026-07-03", "ReceivePayment", "{\"commandId\":\"c7\",\"paymentId\":\"PX\",\"amount\":\"25.00\",\"reference\":\"ONBEKEND\",\"valueDate\":\"2026-07-03\"}"},
                {"2026-07-06", "IssueRemittance", "{\"commandId\":\"r1\",\"participantId\":\"GEM-A\",\"periodEnd\":\"2026-07-05\",\"bookingDate\":\"2026-07-06\"}"},
                {"2026-09-10", "ReduceAssessment", "{\"commandId\":\"c8\",\"assessmentId\":\"A12\",\"lineId\":\"L1\",\"kind\":\"VERMINDERING\",\"amount\":\"40.00\",\"decisionDate\":\"2026-09-10\"}"},
                {"2026-10-01", "ClosePeriod", "{\"commandId\":\"close-q3\",\"through\":\"2026-09-30\"}"},
                {"2027-01-05", "ReceivePayment", "{\"commandId\":\"c2\",\"paymentId\":\"P11a\",\"amount\":\"200.00\",\"reference\":\"A11\",\"valueDate\":\"2026-12-30\",\"bookingDate\":\"2027-01-05\"}"},
                {"2027-01-11", "ReceivePayment", "{\"commandId\":\"c3\",\"paymentId\":\"P11b\",\"amount\":\"100.00\",\"reference\":\"A11\",\"valueDate\":\"2027-01-10\",\"bookingDate\":\"2027-01-11\"}"},
            };
            for (String[] line : lines) {
                clock.setToday(LocalDate.parse(line[0]));
                commands.submit(line[1], JSON.readTree(line[2]), new Actor("example", null, "test"));
            }
        }
    }
}
