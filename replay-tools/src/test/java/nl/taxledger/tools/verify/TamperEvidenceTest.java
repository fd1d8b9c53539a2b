package nl.taxledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.hashchain.HashChainer;
import nl.taxledger.tools.ReplayTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tamper evidence in PostgreSQL: the real service appends and chains, then a row of domainevententry is edited,
 * deleted or slipped into a permanent gap by hand, and {@code replay-tools verify} must name its position. Each
 * test puts the store back as it found it.
 */
class TamperEvidenceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor CLERK = new Actor("medewerker-17", "aanslag 2026-0001", "test");
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static String jdbcUrl;

    @BeforeAll
    static void startServiceAndBook() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tamper");
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", "tamper");
        service = new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties(Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres", "ledger.scheduling.enabled", "false",
                        "logging.level.root", "WARN",
                        // the test's appends are synchronous, so an index missing now is rolled back for good
                        "ledger.hashchain.gap-timeout-ms", "1"))
                .run();
        jdbc = service.getBean(JdbcTemplate.class);
        service.getBean(LedgerClock.class).setToday(LocalDate.of(2026, 6, 30));
        CommandService commands = service.getBean(CommandService.class);
        commands.submit("RegisterParticipant", JSON.readTree("""
                {"commandId":"t-reg","participantId":"GEM-T","name":"Gemeente T","iban":"NL91ABNA0417164300"}"""), CLERK);
        commands.submit("ImposeAssessment", JSON.readTree("""
                {"commandId":"t-imp","assessmentId":"A-T","debtorId":"S-T","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-T","taxType":"OZB","taxYear":2026,"amount":"300.00"}]}"""), CLERK);
        commands.submit("ReceivePayment", JSON.readTree("""
                {"commandId":"t-pay","paymentId":"P-T","amount":"100.00","reference":"A-T","valueDate":"2026-06-15"}"""), CLERK);
        commands.submit("ReceivePayment", JSON.readTree("""
                {"commandId":"t-unm","paymentId":"P-U","amount":"25.00","reference":"NOTHING","valueDate":"2026-06-16"}"""), CLERK);
        commands.submit("AssignUnmatchedPayment", JSON.readTree("""
                {"commandId":"t-assign","paymentId":"P-U","debtorId":"S-T"}"""), CLERK);
        service.getBean(HashChainer.class).awaitChained(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run replayTools(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReplayTools());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString());
    }

    private static Run verify() {
        Run run = replayTools("verify", "--db", jdbcUrl, "--user", "postgres", "--password", "postgres");
        System.out.println("$ replay-tools verify --db " + jdbcUrl + "\n" + run.output() + "(exit " + run.exitCode() + ")");
        return run;
    }

    private static long indexOf(String payloadType) {
        return jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry WHERE payloadtype = ?", Long.class,
                "nl.taxledger.ledger.api." + payloadType);
    }

    @Test
    void an_untouched_store_verifies_clean_and_the_identities_hold() {
        Run run = verify();

        assertThat(run.output()).contains("verify: OK, no findings").contains("reconciliation identities: hold");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void an_edited_payload_is_reported_at_its_position() {
        long position = indexOf("PaymentReceived");
        byte[] original = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE globalindex = ?", byte[].class, position);
        jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '10000', '1000'),"
                + " 'UTF8') WHERE globalindex = ?", position);
        try {
            Run run = verify();

            assertThat(run.output()).contains("EDITED       at global position " + position + ":");
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, position);
        }
    }

    @Test
    void a_deleted_row_is_reported_at_its_position() {
        long position = indexOf("AssessmentImposed");
        // a plain table, not TEMP: the pool may hand the restore another connection
        jdbc.execute("CREATE TABLE kept AS SELECT * FROM domainevententry WHERE globalindex = " + position);
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", position);
        try {
            Run run = verify();

            assertThat(run.output()).contains("DELETED      at global position " + position + ":");
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            jdbc.update("INSERT INTO domainevententry SELECT * FROM kept");
            jdbc.execute("DROP TABLE kept");
        }
    }

    @Test
    void a_row_slipped_into_a_permanent_gap_is_reported_as_inserted() {
        long gap = jdbc.queryForObject("SELECT nextval('domainevententry_globalindex_seq')", Long.class);
        service.getBean(CommandService.class).submit("ChargeCosts", JSON.readTree("""
                {"commandId":"t-cost","assessmentId":"A-T","costId":"K1","kind":"AANMANING","amount":"7.00","date":"2026-06-20"}"""), CLERK);
        service.getBean(HashChainer.class).awaitChained(Duration.ofSeconds(30));
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
                + " metadata, payload, payloadrevision, payloadtype, timestamp) SELECT ?, aggregateidentifier, 99, type,"
                + " 'forged', metadata, payload, payloadrevision, payloadtype, timestamp FROM domainevententry"
                + " WHERE globalindex = ?", gap, gap + 1);
        try {
            Run run = verify();

            assertThat(run.output()).contains("INSERTED     at global position " + gap + ":");
            assertThat(run.exitCode()).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", gap);
        }
    }

    @Test
    void the_audit_lists_the_debtors_facts_with_who_and_why_including_its_suspense_history(@TempDir Path directory)
            throws Exception {
        Path csv = directory.resolve("audit.csv");
        Run run = replayTools("audit", "--debtor", "S-T", "--format", "csv", "--out", csv.toString(),
                "--db", jdbcUrl, "--user", "postgres", "--password", "postgres");

        assertThat(run.exitCode()).isZero();
        String text = Files.readString(csv);
        assertThat(text).startsWith("globalIndex,recordedAt,eventType,aggregateId,sequenceNumber,effectiveDate,"
                + "bookingDate,who,why,source,commandId,payload\n");
        assertThat(text).contains(",AssessmentImposed,S-T,0,2026-02-27,2026-06-30,medewerker-17,aanslag 2026-0001,test,t-imp,")
                .contains(",PaymentUnmatched,P-U,0,2026-06-16,2026-06-30,medewerker-17,aanslag 2026-0001,test,t-unm,")
                .contains(",UnmatchedPaymentAssigned,P-U,")
                .doesNotContain("ParticipantRegistered");
    }

    @Test
    void the_audit_is_the_same_bytes_twice(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.json");
        Path second = directory.resolve("second.json");
        replayTools("audit", "--debtor", "S-T", "--format", "json", "--out", first.toString(), "--db", jdbcUrl,
                "--user", "postgres", "--password", "postgres");
        replayTools("audit", "--debtor", "S-T", "--format", "json", "--out", second.toString(), "--db", jdbcUrl,
                "--user", "postgres", "--password", "postgres");

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second)).isNotEmpty();
    }
}
