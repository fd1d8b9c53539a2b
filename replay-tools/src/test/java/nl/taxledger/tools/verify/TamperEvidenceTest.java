package nl.taxledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.hashchain.ChainAnchors;
import nl.taxledger.service.hashchain.LedgerChain;
import nl.taxledger.tools.ReplayTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tamper evidence in PostgreSQL: the real service appends (and its triggers chain, at commit), then someone with the
 * database owner's rights edits, deletes, reorders or inserts rows of the event store, the snapshot table or the
 * command log, or rewrites the chain itself, and {@code replay-tools verify} must name what changed. Every test
 * runs on a copy of the store put back afterwards ({@link #keepStore}, {@link #putStoreBack}).
 */
class TamperEvidenceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor CLERK = new Actor("medewerker-17", "aanslag 2026-0001", "test");
    /** What the tests may change; each is copied before a test and put back after it, triggers off. */
    private static final List<String> TABLES =
            List.of("domainevententry", "snapshotevententry", "command_log", "ledger_chain", "ledger_chain_head");

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static String jdbcUrl;
    private static Path anchors;

    @BeforeAll
    static void startServiceAndBook() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tamper");
        }
        anchors = Files.createTempDirectory("tamper-anchors");
        jdbcUrl = postgres.getJdbcUrl("postgres", "tamper");
        service = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        "spring.datasource.url", jdbcUrl,
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "ledger.scheduling.enabled", "false",
                        "ledger.anchors.dir", anchors.toString(),
                        "logging.level.root", "WARN"))
                .run();
        jdbc = service.getBean(JdbcTemplate.class);
        service.getBean(LedgerClock.class).setToday(LocalDate.of(2026, 6, 30));
        submit("RegisterParticipant", """
                {"commandId":"t-reg","participantId":"GEM-T","name":"Gemeente T","iban":"NL91ABNA0417164300"}""");
        submit("ImposeAssessment", """
                {"commandId":"t-imp","assessmentId":"A-T","debtorId":"S-T","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-T","taxType":"OZB","taxYear":2026,"amount":"300.00"}]}""");
        submit("ReceivePayment", """
                {"commandId":"t-pay","paymentId":"P-T","amount":"100.00","reference":"A-T","valueDate":"2026-06-15"}""");
        submit("ClosePeriod", """
                {"commandId":"t-close","through":"2026-06-29"}""");
        submit("ReceivePayment", """
                {"commandId":"t-unm","paymentId":"P-U","amount":"25.00","reference":"NOTHING","valueDate":"2026-06-16"}""");
        submit("AssignUnmatchedPayment", """
                {"commandId":"t-assign","paymentId":"P-U","debtorId":"S-T"}""");
    }

    private static void submit(String type, String json) {
        service.getBean(CommandService.class).submit(type, JSON.readTree(json), CLERK);
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

    @BeforeEach
    void keepStore() {
        for (String table : TABLES) {
            jdbc.execute("CREATE TABLE kept_" + table + " AS SELECT * FROM " + table);
        }
    }

    /** Puts every table back as it was, with the chain's triggers off (session_replication_role), on one connection. */
    @AfterEach
    void putStoreBack() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica");
                for (String table : TABLES) {
                    sql.execute("DELETE FROM " + table);
                    sql.execute("INSERT INTO " + table + " SELECT * FROM kept_" + table);
                    sql.execute("DROP TABLE kept_" + table);
                }
                sql.execute("SET session_replication_role = DEFAULT");
            }
            return null;
        });
    }

    private record Run(int exitCode, String output) {}

    private static Run replayTools(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReplayTools());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString());
    }

    private static Run verify(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("verify", "--db", jdbcUrl, "--user", "postgres", "--password", "postgres"));
        args.addAll(List.of(more));
        Run run = replayTools(args.toArray(String[]::new));
        System.out.println("$ replay-tools verify --db " + jdbcUrl + " " + String.join(" ", more) + "\n" + run.output()
                + "(exit " + run.exitCode() + ")");
        return run;
    }

    private static long indexOf(String payloadType) {
        return jdbc.queryForObject(
                "SELECT min(globalindex) FROM domainevententry WHERE payloadtype = ?",
                Long.class,
                "nl.taxledger.ledger.api." + payloadType);
    }

    /** Runs statements on one connection with the chain's triggers off: what an owner hiding a change would do. */
    private static void withoutTriggers(String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica");
                for (String statement : statements) {
                    sql.execute(statement);
                }
                sql.execute("SET session_replication_role = DEFAULT");
            }
            return null;
        });
    }

    @Test
    void an_untouched_store_verifies_clean_with_its_anchors_and_the_identities_hold() {
        Run run = verify("--anchor", anchors.toString());

        assertThat(run.output())
                .contains("verify: OK, no findings")
                .contains("anchors: 1 checked")
                .contains("reconciliation identities: hold");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void the_period_close_wrote_the_committed_head_as_an_anchor() throws Exception {
        List<String> lines = Files.readAllLines(anchors.resolve(ChainAnchors.PERIOD_CLOSE_FILE));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"reason\":\"period closed through 2026-06-29\"");
        long position = JSON.readTree(lines.get(0)).get("position").asLong();
        String hash = jdbc.queryForObject("SELECT hash FROM ledger_chain WHERE position = ?", String.class, position);
        assertThat(lines.get(0)).contains("\"hash\":\"" + hash + "\"");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM ledger_chain WHERE position <= ? AND row_key = 't-close'",
                        Integer.class,
                        position))
                .as("the anchored head includes the close's own command record")
                .isEqualTo(1);
    }

    @Test
    void every_committed_row_is_chained_in_its_own_transaction() {
        LedgerChain.Status status = service.getBean(LedgerChain.class).status();

        assertThat(status.chaining()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry e WHERE NOT EXISTS (SELECT 1 FROM ledger_chain c"
                                + " WHERE c.source = 'EVENT' AND c.row_key = e.globalindex::text)",
                        Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM command_log l WHERE NOT EXISTS (SELECT 1 FROM ledger_chain c"
                                + " WHERE c.source = 'COMMAND' AND c.row_key = l.command_id)",
                        Integer.class))
                .isZero();
    }

    @Test
    void an_edited_payload_is_reported_at_its_position() {
        long position = indexOf("PaymentReceived");
        jdbc.update(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '10000',"
                        + " '1000'), 'UTF8') WHERE globalindex = ?",
                position);

        Run run = verify();

        assertThat(run.output()).contains("EDITED       at global position " + position + ":");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void an_edited_metadata_column_is_reported_at_its_position() {
        long position = indexOf("AssessmentImposed");
        jdbc.update(
                "UPDATE domainevententry SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'),"
                        + " 'medewerker-17', 'medewerker-99'), 'UTF8') WHERE globalindex = ?",
                position);

        Run run = verify();

        assertThat(run.output()).contains("EDITED       at global position " + position + ":");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void an_edited_timestamp_is_reported_at_its_position() {
        long position = indexOf("AssessmentImposed");
        jdbc.update("UPDATE domainevententry SET timestamp = '2026-01-01T00:00:00Z' WHERE globalindex = ?", position);

        Run run = verify();

        assertThat(run.output()).contains("EDITED       at global position " + position + ":");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_deleted_middle_row_is_reported_at_its_position() {
        long position = indexOf("AssessmentImposed");
        jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", position);

        Run run = verify();

        assertThat(run.output()).contains("DELETED      at global position " + position + ":");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void two_events_swapped_in_order_are_both_reported() {
        long first = indexOf("AssessmentImposed");
        long second = indexOf("PaymentReceived");
        jdbc.update("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = ?", first);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", first, second);
        jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = -1", second);

        Run run = verify();

        assertThat(run.output())
                .contains("EDITED       at global position " + first + ":")
                .contains("EDITED       at global position " + second + ":");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_row_inserted_with_the_triggers_off_is_reported_as_inserted() {
        long copied = indexOf("PaymentReceived");
        withoutTriggers("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                + " metadata, payload, payloadrevision, payloadtype, timestamp) SELECT aggregateidentifier, 99, type,"
                + " 'forged', metadata, payload, payloadrevision, payloadtype, timestamp FROM domainevententry"
                + " WHERE globalindex = " + copied);
        long forged = jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE eventidentifier = 'forged'", Long.class);

        Run run = verify();

        assertThat(run.output()).contains("INSERTED     at global position " + forged + ":");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(service.getBean(LedgerChain.class).status().chaining())
                .as("the health check's view: the newest event has no link")
                .isFalse();
    }

    @Test
    void an_edited_snapshot_is_reported() {
        jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                + " metadata, payload, payloadrevision, payloadtype, timestamp) VALUES ('S-T', 1, 'DebtorAccount',"
                + " 'snap-1', NULL, convert_to('{\"openCents\":20000}', 'UTF8'), NULL, 'AccountState',"
                + " '2026-06-30T00:00:00Z')");
        assertThat(verify().exitCode())
                .as("a snapshot appended is chained at its commit")
                .isZero();
        jdbc.update("UPDATE snapshotevententry SET payload = convert_to('{\"openCents\":0}', 'UTF8')"
                + " WHERE eventidentifier = 'snap-1'");

        Run run = verify();

        assertThat(run.output()).contains("EDITED       at snapshot S-T #1:");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void an_edited_command_log_record_is_reported() {
        jdbc.update("UPDATE command_log SET request_sha256 = repeat('0', 64) WHERE command_id = 't-pay'");

        Run run = verify();

        assertThat(run.output()).contains("EDITED       at command log t-pay:");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_deleted_command_log_record_is_reported() {
        jdbc.update("DELETE FROM command_log WHERE command_id = 't-imp'");

        Run run = verify();

        assertThat(run.output()).contains("DELETED      at command log t-imp:");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void an_edited_chain_link_breaks_the_chain() {
        jdbc.update("UPDATE ledger_chain SET hash = repeat('a', 64) WHERE position = 3");

        Run run = verify();

        assertThat(run.output()).contains("CHAIN_BROKEN at chain position 4:");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /**
     * The attack the anchors exist for: take the tail off (rows and links from the payment on), put it back with the
     * payment edited, and let the chain's own trigger chain it again: the chain is consistent, verify without
     * anchors finds nothing; the anchor written at the period close still names the old hash at its position.
     */
    @Test
    void a_rechained_rewrite_of_the_tail_is_found_by_the_anchor_only() {
        long payment = indexOf("PaymentReceived");
        long from = jdbc.queryForObject(
                "SELECT position FROM ledger_chain WHERE source = 'EVENT' AND row_key = ?",
                Long.class,
                String.valueOf(payment));
        jdbc.execute("CREATE TABLE tail_events AS SELECT e.* FROM domainevententry e JOIN ledger_chain c"
                + " ON c.source = 'EVENT' AND c.row_key = e.globalindex::text WHERE c.position >= " + from
                + " ORDER BY c.position");
        jdbc.execute("CREATE TABLE tail_commands AS SELECT l.* FROM command_log l JOIN ledger_chain c"
                + " ON c.source = 'COMMAND' AND c.row_key = l.command_id WHERE c.position >= " + from);
        withoutTriggers(
                "DELETE FROM domainevententry WHERE globalindex IN (SELECT globalindex FROM tail_events)",
                "DELETE FROM command_log WHERE command_id IN (SELECT command_id FROM tail_commands)",
                "DELETE FROM ledger_chain WHERE position >= " + from,
                "UPDATE ledger_chain_head SET (position, hash) = (SELECT position, hash FROM ledger_chain"
                        + " WHERE position = " + (from - 1) + ")",
                "UPDATE tail_events SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '10000', '1000'),"
                        + " 'UTF8') WHERE globalindex = " + payment);
        // triggers on: the re-inserted rows are chained at commit, as any append is
        jdbc.execute("INSERT INTO domainevententry SELECT * FROM tail_events ORDER BY globalindex");
        jdbc.execute("INSERT INTO command_log SELECT * FROM tail_commands ORDER BY recorded_at");
        jdbc.execute("DROP TABLE tail_events");
        jdbc.execute("DROP TABLE tail_commands");

        Run blind = verify();
        Run anchored = verify("--anchor", anchors.toString());

        assertThat(blind.output()).contains("verify: OK, no findings");
        assertThat(blind.exitCode())
                .as("without an anchor a consistent rewrite cannot be seen")
                .isZero();
        assertThat(anchored.output())
                .contains("ANCHOR       at anchor period-close.anchors:1:")
                .contains("the chain no longer extends the anchored head");
        assertThat(anchored.exitCode()).isEqualTo(1);
    }

    @Test
    void a_removed_tail_is_found_by_an_anchor_beyond_the_head(@TempDir Path directory) throws Exception {
        LedgerChain.Head anchor = service.getBean(LedgerChain.class).head();
        Files.writeString(
                directory.resolve("taken.anchors"),
                "{\"position\":" + anchor.position() + ",\"hash\":\"" + anchor.hash() + "\"}\n");
        // the last transaction (the assignment: two events and its command record) taken off whole
        long cut = jdbc.queryForObject(
                "SELECT position FROM ledger_chain WHERE source = 'COMMAND' AND row_key = 't-unm'", Long.class);
        withoutTriggers(
                "DELETE FROM domainevententry WHERE globalindex::text IN (SELECT row_key FROM ledger_chain"
                        + " WHERE source = 'EVENT' AND position > " + cut + ")",
                "DELETE FROM command_log WHERE command_id IN (SELECT row_key FROM ledger_chain"
                        + " WHERE source = 'COMMAND' AND position > " + cut + ")",
                "DELETE FROM ledger_chain WHERE position > " + cut,
                "UPDATE ledger_chain_head SET (position, hash) = (SELECT position, hash FROM ledger_chain"
                        + " WHERE position = " + cut + ")");

        Run blind = verify();
        Run anchored = verify("--anchor", directory.resolve("taken.anchors").toString());

        assertThat(blind.exitCode())
                .as("without an anchor a shortened chain is a consistent chain")
                .isZero();
        assertThat(anchored.output()).contains("lies beyond the chain's head " + cut);
        assertThat(anchored.exitCode()).isEqualTo(1);
    }

    @Test
    void the_audit_lists_the_debtors_facts_with_who_and_why_including_its_suspense_history(@TempDir Path directory)
            throws Exception {
        Path csv = directory.resolve("audit.csv");
        Run run = replayTools(
                "audit",
                "--debtor",
                "S-T",
                "--format",
                "csv",
                "--out",
                csv.toString(),
                "--db",
                jdbcUrl,
                "--user",
                "postgres",
                "--password",
                "postgres");

        assertThat(run.exitCode()).isZero();
        String text = Files.readString(csv);
        assertThat(text)
                .startsWith("globalIndex,recordedAt,eventType,aggregateId,sequenceNumber,effectiveDate,"
                        + "bookingDate,who,why,source,commandId,payload\n");
        assertThat(text)
                .contains(",AssessmentImposed,S-T,0,2026-02-27,2026-06-30,medewerker-17,aanslag 2026-0001,test,t-imp,")
                .contains(",PaymentUnmatched,P-U,0,2026-06-16,2026-06-30,medewerker-17,aanslag 2026-0001,test,t-unm,")
                .contains(",UnmatchedPaymentAssigned,P-U,")
                .doesNotContain("ParticipantRegistered");
    }

    @Test
    void the_audit_is_the_same_bytes_twice(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("first.json");
        Path second = directory.resolve("second.json");
        replayTools(
                "audit",
                "--debtor",
                "S-T",
                "--format",
                "json",
                "--out",
                first.toString(),
                "--db",
                jdbcUrl,
                "--user",
                "postgres",
                "--password",
                "postgres");
        replayTools(
                "audit",
                "--debtor",
                "S-T",
                "--format",
                "json",
                "--out",
                second.toString(),
                "--db",
                jdbcUrl,
                "--user",
                "postgres",
                "--password",
                "postgres");

        assertThat(Files.readAllBytes(first))
                .isEqualTo(Files.readAllBytes(second))
                .isNotEmpty();
    }
}
