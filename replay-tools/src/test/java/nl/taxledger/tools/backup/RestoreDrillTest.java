package nl.taxledger.tools.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.tools.ReplayTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restore drill: a ledger with assessments, payments, suspense, a refund batch, an approved remittance run and a
 * period close is exported while its service runs, restored into an empty database, and every report the service
 * serves is fetched from both and compared byte for byte.
 */
class RestoreDrillTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUDITOR = "drill-auditor";
    private static final String PASSWORD = "drill-password-1234";
    private static final Actor CLERK = new Actor("bert", "drill", "test");
    private static final Actor SUPERVISOR = new Actor("sanne", "drill", "test");
    private static final Actor SCHEDULER = new Actor("system:scheduler", null, "scheduler");
    private static final String DEBTOR_IBAN = "NL20INGB0001234567";

    /** Every report of the service over this ledger (reference-date reports in each format). */
    private static final List<String> REPORTS = reports();

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext original;

    @BeforeAll
    static void bookALedger() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        createDatabase("original");
        original = service("original");
        original.getBean(LocalUsers.class)
                .create(
                        AUDITOR,
                        PASSWORD,
                        EnumSet.of(Role.SUPERVISOR, Role.ACCOUNTANT, Role.CLERK),
                        Optional.empty(),
                        "test");
        LedgerClock clock = original.getBean(LedgerClock.class);
        clock.setToday(LocalDate.of(2026, 4, 2));
        submit(SUPERVISOR, "RegisterParticipant", """
                {"commandId":"d-reg","participantId":"GEM-D","name":"Gemeente D","iban":"NL91ABNA0417164300"}""");
        submit(CLERK, "ImposeAssessment", """
                {"commandId":"d-imp1","assessmentId":"A-D1","debtorId":"S-D1","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-D","taxType":"OZB","taxYear":2026,"amount":"300.00"},
                          {"lineId":"L2","participantId":"GEM-D","taxType":"RIO","taxYear":2026,"amount":"120.00"}]}""");
        submit(CLERK, "ImposeAssessment", """
                {"commandId":"d-imp2","assessmentId":"A-D2","debtorId":"S-D2","issueDate":"2026-03-01","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-D","taxType":"OZB","taxYear":2026,"amount":"200.00"}]}""");
        submit(CLERK, "ReceivePayment", """
                {"commandId":"d-pay1","paymentId":"P-D1","amount":"150.00","reference":"A-D1","valueDate":"2026-03-15"}""");
        submit(CLERK, "ReceivePayment", """
                {"commandId":"d-pay2","paymentId":"P-D2","amount":"250.00","reference":"A-D2","valueDate":"2026-03-20"}""");
        submit(CLERK, "ReceivePayment", """
                {"commandId":"d-unm","paymentId":"P-D3","amount":"12.50","reference":"NOTHING","valueDate":"2026-03-21"}""");
        submit(CLERK, "PayRefund", """
                {"commandId":"d-ref","debtorId":"S-D2","amount":"50.00","valueDate":"2026-04-02","iban":"%s"}""".formatted(DEBTOR_IBAN));
        submit(SUPERVISOR, "ApproveRefunds", """
                {"commandId":"d-ref-ok"}""");
        clock.setToday(LocalDate.of(2026, 4, 6));
        submit(SCHEDULER, "IssueRemittance", """
                {"commandId":"d-rem","participantId":"GEM-D","periodEnd":"2026-04-05"}""");
        submit(SUPERVISOR, "ApproveRemittanceRun", """
                {"commandId":"d-rem-ok","periodEnd":"2026-04-05"}""");
        submit(SUPERVISOR, "ClosePeriod", """
                {"commandId":"d-close","through":"2026-04-05"}""");
        original.getBean(ProjectionSync.class).awaitCaughtUp(java.time.Duration.ofSeconds(60));
    }

    private static void submit(Actor actor, String type, String json) {
        original.getBean(CommandService.class).submit(type, JSON.readTree(json), actor);
    }

    @AfterAll
    static void stop() throws Exception {
        if (original != null) {
            original.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static List<String> reports() {
        List<String> reports = new ArrayList<>();
        for (String report :
                List.of("reconciliation", "debtors", "trial-balance", "management-info", "collection-rate")) {
            for (String format : List.of("json", "csv", "xlsx")) {
                reports.add("/api/reports/" + report + "?asOf=2026-04-06&format=" + format);
            }
            reports.add("/api/reports/" + report + "?asOf=2026-04-06&knownAt=2026-04-05&format=csv");
        }
        reports.addAll(List.of(
                "/api/debtors/S-D1",
                "/api/debtors/S-D1/history",
                "/api/debtors/S-D2",
                "/api/debtors/S-D2/history",
                "/api/reconciliation",
                "/api/reconciliation/totals",
                "/api/reconciliation/GEM-D/OZB/2026",
                "/api/participants/GEM-D/remittances",
                "/api/participants/GEM-D/remittances/2026-04-05",
                "/api/participants/GEM-D/remittances/2026-04-05/statement.csv",
                "/api/participants/GEM-D/remittances/2026-04-05/statement.xlsx",
                "/api/participants/GEM-D/position",
                "/api/remittance-runs/2026-04-05/pain001.xml",
                "/api/refund-batches",
                "/api/refund-batches/RB-1/pain001.xml",
                "/api/reports/weekly?periodEnd=2026-04-05",
                "/api/suspense",
                "/api/bank-accounts"));
        return reports;
    }

    @Test
    void a_restored_ledger_serves_every_report_byte_for_byte(@TempDir Path directory) throws Exception {
        Path export = directory.resolve("ledger.export.gz");
        Map<String, byte[]> before = fetchAll(original);
        Run exported = replayTools(
                "export",
                "--out",
                export.toString(),
                "--db",
                url("original"),
                "--user",
                "postgres",
                "--password",
                "postgres");
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        createDatabase("restored");

        Run restored = replayTools(
                "restore",
                "--in",
                export.toString(),
                "--db",
                url("restored"),
                "--user",
                "postgres",
                "--password",
                "postgres");

        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("chain verified").contains("projections rebuilt and caught up");
        try (ConfigurableApplicationContext copy = service("restored")) {
            // "today" is the service's clock, not data: the copy is asked on the same day as the original
            copy.getBean(LedgerClock.class).setToday(LocalDate.of(2026, 4, 6));
            Map<String, byte[]> after = fetchAll(copy);
            for (String report : REPORTS) {
                assertThat(after.get(report)).as(report).isEqualTo(before.get(report));
            }
        }
        // the participant's copy of an anchor: the chain's head printed on its statement
        String statement = new String(
                before.get("/api/participants/GEM-D/remittances/2026-04-05/statement.csv"),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile(
                        "grootboekketen positie (\\d+);([0-9a-f]{64})")
                .matcher(statement);
        assertThat(printed.find()).as(statement).isTrue();
        Path participantsCopy = directory.resolve("statement.anchors");
        Files.writeString(
                participantsCopy, "{\"position\":" + printed.group(1) + ",\"hash\":\"" + printed.group(2) + "\"}\n");
        Run verified = replayTools(
                "verify",
                "--db",
                url("restored"),
                "--user",
                "postgres",
                "--password",
                "postgres",
                "--anchor",
                participantsCopy.toString());
        assertThat(verified.output()).contains("anchors: 1 checked").contains("verify: OK, no findings");
    }

    @Test
    void a_database_with_a_history_is_refused(@TempDir Path directory) throws Exception {
        Path export = directory.resolve("ledger.export.gz");
        replayTools(
                "export",
                "--out",
                export.toString(),
                "--db",
                url("original"),
                "--user",
                "postgres",
                "--password",
                "postgres");
        long events = original.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        Run refused = replayTools(
                "restore",
                "--in",
                export.toString(),
                "--db",
                url("original"),
                "--user",
                "postgres",
                "--password",
                "postgres");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("the database is not empty: domainevententry has rows");
        assertThat(original.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .isEqualTo(events);
    }

    @Test
    void a_damaged_export_is_refused_and_nothing_is_committed(@TempDir Path directory) throws Exception {
        Path export = directory.resolve("ledger.export.gz");
        replayTools(
                "export",
                "--out",
                export.toString(),
                "--db",
                url("original"),
                "--user",
                "postgres",
                "--password",
                "postgres");
        byte[] bytes = Files.readAllBytes(export);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(export, bytes);
        createDatabase("damaged");

        Run refused = replayTools(
                "restore",
                "--in",
                export.toString(),
                "--db",
                url("damaged"),
                "--user",
                "postgres",
                "--password",
                "postgres",
                "--no-rebuild");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("sha256");

        Files.delete(directory.resolve("ledger.export.gz.sha256"));
        Run withoutSidecar = replayTools(
                "restore",
                "--in",
                export.toString(),
                "--db",
                url("damaged"),
                "--user",
                "postgres",
                "--password",
                "postgres",
                "--no-rebuild");

        assertThat(withoutSidecar.exitCode())
                .as("the damage is found inside the load transaction")
                .isNotZero();
        try (Connection connection = postgres.getDatabase("postgres", "damaged").getConnection();
                Statement sql = connection.createStatement();
                java.sql.ResultSet rows = sql.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            assertThat(rows.getLong(1)).as("nothing committed").isZero();
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run replayTools(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReplayTools());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        System.out.println("$ replay-tools " + String.join(" ", args) + "\n" + out + "(exit " + exitCode + ")");
        return new Run(exitCode, out.toString());
    }

    private static Map<String, byte[]> fetchAll(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((AUDITOR + ":" + PASSWORD)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
        Map<String, byte[]> answers = new LinkedHashMap<>();
        for (String report : REPORTS) {
            ResponseEntity<byte[]> answer = client.get().uri(report).retrieve().toEntity(byte[].class);
            assertThat(answer.getStatusCode().value())
                    .as(report + ": "
                            + (answer.getBody() == null
                                    ? ""
                                    : new String(answer.getBody(), java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(200);
            answers.put(report, answer.getBody());
        }
        return answers;
    }

    private static ConfigurableApplicationContext service(String database) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url(database));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("ledger.scheduling.enabled", "false");
        properties.put(
                "ledger.anchors.dir", Files.createTempDirectory("drill-anchors").toString());
        properties.put("logging.level.root", "WARN");
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(append(arguments, "--server.port=0", "--server.address=127.0.0.1"));
    }

    private static String[] append(String[] arguments, String... more) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + more.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }

    private static String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    private static void createDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }
}
