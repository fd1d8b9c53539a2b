package nl.taxledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.hashchain.ChainLink;
import nl.taxledger.service.hashchain.StoredEvent;
import nl.taxledger.tools.ReplayTools;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration path (V70) for a ledger chained the old way: a store at V40 whose events were chained by the old
 * HashChainer (one link per global index, written after the append; the last event not yet chained, as after a
 * stop within the chainer's second), and whose command log was never chained, is migrated. The old links stay and
 * are verified by the old rule; the origin link records where it ends; everything after it is in the new chain.
 */
class LegacyChainMigrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor CLERK = new Actor("medewerker-17", "legacy", "test");
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate legacy;
    private static long legacyThrough;
    private static long events;

    @BeforeAll
    static void migrateALedgerChainedTheOldWay() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        for (String database : new String[] {"booked", "legacy"}) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE " + database);
            }
        }
        DataSource legacySource = postgres.getDatabase("postgres", "legacy");
        legacy = new JdbcTemplate(legacySource);
        Flyway.configure()
                .dataSource(legacySource)
                .locations("classpath:db/migration")
                .target("40")
                .load()
                .migrate();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        "spring.datasource.url", postgres.getJdbcUrl("postgres", "booked"),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "ledger.scheduling.enabled", "false",
                        "logging.level.root", "WARN"))
                .run()) {
            service.getBean(LedgerClock.class).setToday(LocalDate.of(2026, 6, 30));
            CommandService commands = service.getBean(CommandService.class);
            commands.submit("RegisterParticipant", JSON.readTree("""
                    {"commandId":"l-reg","participantId":"GEM-L","name":"Gemeente L","iban":"NL91ABNA0417164300"}"""), CLERK);
            commands.submit("ImposeAssessment", JSON.readTree("""
                    {"commandId":"l-imp","assessmentId":"A-L","debtorId":"S-L","issueDate":"2026-02-27","dueDate":"2026-04-30",
                     "lines":[{"lineId":"L1","participantId":"GEM-L","taxType":"OZB","taxYear":2026,"amount":"300.00"}]}"""), CLERK);
            commands.submit("ReceivePayment", JSON.readTree("""
                    {"commandId":"l-pay","paymentId":"P-L","amount":"100.00","reference":"A-L","valueDate":"2026-06-15"}"""), CLERK);
            JdbcTemplate booked = service.getBean(JdbcTemplate.class);
            copy(booked, "domainevententry", "globalindex");
            copy(booked, "command_log", "command_id");
        }
        events = legacy.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        legacyThrough = events - 1; // the old chainer had not reached the last event yet
        String previous = ChainLink.GENESIS;
        for (StoredEvent row : legacy.query(
                "SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
                (rs, n) -> StoredEvent.read(rs),
                legacyThrough)) {
            String hash = ChainLink.ofEvent(previous, row);
            legacy.update(
                    "INSERT INTO event_hash_chain (global_index, kind, previous_hash, hash) VALUES (?, ?, ?, ?)",
                    row.globalIndex(),
                    ChainLink.EVENT,
                    previous,
                    hash);
            previous = hash;
        }
        Flyway.configure()
                .dataSource(legacySource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static void copy(JdbcTemplate from, String table, String order) {
        from.query("SELECT * FROM " + table + " ORDER BY " + order, (ResultSet rs) -> {
            ResultSetMetaData columns = rs.getMetaData();
            // only the columns the older schema had (later migrations add some, e.g. command_log.position)
            List<String> old = legacy.queryForList(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?", String.class, table);
            List<Integer> kept = new ArrayList<>();
            StringBuilder names = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                if (!old.contains(columns.getColumnName(c))) {
                    continue;
                }
                names.append(kept.isEmpty() ? "" : ", ").append(columns.getColumnName(c));
                marks.append(kept.isEmpty() ? "" : ", ")
                        .append(columns.getColumnTypeName(c).equals("jsonb") ? "?::jsonb" : "?");
                kept.add(c);
            }
            legacy.execute((Connection connection) -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                    do {
                        for (int i = 0; i < kept.size(); i++) {
                            int c = kept.get(i);
                            insert.setObject(
                                    i + 1,
                                    columns.getColumnTypeName(c).equals("jsonb") ? rs.getString(c) : rs.getObject(c));
                        }
                        insert.executeUpdate();
                    } while (rs.next());
                }
                return null;
            });
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String verify() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new ReplayTools());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        int exit = commandLine.execute(
                "verify",
                "--db",
                postgres.getJdbcUrl("postgres", "legacy"),
                "--user",
                "postgres",
                "--password",
                "postgres");
        System.out.println("$ replay-tools verify --db legacy\n" + out + "(exit " + exit + ")");
        return out + "exit " + exit;
    }

    @Test
    void the_origin_records_where_the_old_rule_ends_and_the_rest_is_chained_the_new_way() {
        String rowKey = legacy.queryForObject("SELECT row_key FROM ledger_chain WHERE position = 1", String.class);
        String oldHead = legacy.queryForObject(
                "SELECT hash FROM event_hash_chain WHERE global_index = ?", String.class, legacyThrough);

        assertThat(rowKey).endsWith(":" + legacyThrough + ":" + oldHead);
        assertThat(legacy.queryForList("SELECT row_key FROM ledger_chain WHERE source = 'EVENT'", String.class))
                .containsExactly(String.valueOf(events));
        assertThat(legacy.queryForObject("SELECT count(*) FROM ledger_chain WHERE source = 'COMMAND'", Integer.class))
                .isEqualTo(3);
        assertThat(verify()).contains("verify: OK, no findings").endsWith("exit 0");
    }

    @Test
    void an_event_edited_under_the_old_rule_is_still_found() {
        legacy.update("UPDATE domainevententry SET timestamp = timestamp || ' ' WHERE globalindex = 1");
        try {
            assertThat(verify()).contains("EDITED       at global position 1:").endsWith("exit 1");
        } finally {
            legacy.update("UPDATE domainevententry SET timestamp = rtrim(timestamp) WHERE globalindex = 1");
        }
    }
}
