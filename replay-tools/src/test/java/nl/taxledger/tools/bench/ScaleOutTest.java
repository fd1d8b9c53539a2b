package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nl.taxledger.projections.ProjectionTables;
import nl.taxledger.projections.ReadModels;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale-out: two service instances on one PostgreSQL split the two segments of the read models' processor (claims in the JDBC
 * token store). Instance B runs in its own JVM and is killed ({@code SIGKILL}) while it has a projection batch
 * open with uncommitted writes and instance A keeps writing; A takes B's segments over once B's claims time out.
 * Every event is applied exactly once: the history table has one row per fact (its primary key is the global
 * position and must match the stored event there), the reconciliation identities hold, and a rebuild from an
 * empty token on a single instance gives identical tables for all four projections.
 */
class ScaleOutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String INSTANCE_B = "instance-b";
    /** A stays off segment 1 this long, so B (its own JVM, started and idle by then) claims it. */
    private static final Duration RELEASE_TO_B = Duration.ofSeconds(20);

    private static final Map<String, List<String>> TABLES_BY_GROUP = ProjectionTables.BY_PROCESSING_GROUP;

    @Test
    void twoInstancesSplitTheSegmentsAndEveryEventIsAppliedExactlyOnceWhenOneIsKilledMidBatch() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext a = start(postgres, "instance-a")) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            a.getBean(LocalUsers.class)
                    .create(
                            InstanceProcess.USER,
                            InstanceProcess.PASSWORD,
                            java.util.EnumSet.of(Role.ACCOUNTANT),
                            java.util.Optional.empty(),
                            "test");
            InstanceProcess b = InstanceProcess.start(
                    postgres.getPort(), INSTANCE_B, Path.of("target", "scale-out-instance-b.log"));
            try {
                b.awaitUp(TIMEOUT);
                processor(a, ReadModels.PROCESSOR).releaseSegment(1, RELEASE_TO_B.toSeconds(), TimeUnit.SECONDS);
                await("B claims segment 1 of the read models' processor", () -> segmentsOwnedBy(jdbc, INSTANCE_B) == 1);

                List<LedgerDay> year = new Cooperation(11, 150, 0.25).year();
                CountDownLatch halfway = new CountDownLatch(1);
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> send(a, year, halfway));
                assertThat(halfway.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(segmentsOwnedBy(jdbc, INSTANCE_B))
                        .as("B still holds its segment")
                        .isEqualTo(1);
                await("B has a projection batch open with uncommitted writes", () -> openWritingTransactions(jdbc) > 0);
                b.kill(); // SIGKILL: no shutdown hook, no claim released, the open batch is cut off
                writer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                b.process().destroyForcibly();
            }

            // caught up counts only when this instance holds every segment: A has taken over B's after its claims
            // expired
            a.getBean(ProjectionSync.class).awaitCaughtUp(TIMEOUT);
            Map<String, List<String>> splitAcrossInstances = snapshot(jdbc);
            assertThat(splitAcrossInstances.get("history_fact")).isNotEmpty();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM history_fact h"
                                    + " LEFT JOIN domainevententry e ON e.globalindex = h.global_position"
                                    + " WHERE e.eventidentifier IS DISTINCT FROM h.event_id",
                            Long.class))
                    .isZero();
            boolean reconciledLive =
                    a.getBean(ReconciliationQuery.class).totals().holds();

            a.getBean(ProjectionRebuild.class).rebuild(ReadModels.PROCESSOR);
            a.getBean(ProjectionSync.class).awaitCaughtUp(TIMEOUT);

            assertSameRows(snapshot(jdbc), splitAcrossInstances);
            assertThat(reconciledLive)
                    .as("the reconciliation identities held before the rebuild")
                    .isTrue();
        }
    }

    /** Per table, the rows one side has and the other lacks (the first few), so a difference is readable. */
    private static void assertSameRows(Map<String, List<String>> rebuilt, Map<String, List<String>> live) {
        live.forEach((table, rows) -> {
            List<String> missing = rows.stream()
                    .filter(row -> !rebuilt.get(table).contains(row))
                    .limit(5)
                    .toList();
            List<String> extra = rebuilt.get(table).stream()
                    .filter(row -> !rows.contains(row))
                    .limit(5)
                    .toList();
            assertThat(List.of(missing, extra))
                    .as(table + ": rows only in the live tables, rows only after the rebuild")
                    .containsExactly(List.of(), List.of());
            assertThat(rebuilt.get(table)).as(table).hasSameSizeAs(rows);
        });
    }

    private static int segmentsOwnedBy(JdbcTemplate jdbc, String owner) {
        Integer owned = jdbc.queryForObject(
                "SELECT count(*) FROM tokenentry WHERE owner = ? AND processorname = ?",
                Integer.class,
                owner,
                ReadModels.PROCESSOR);
        return owned == null ? 0 : owned;
    }

    /**
     * B's connections are named after it; a transaction id means the transaction has written rows, and a
     * projection table in its statement means those are a projection batch's writes (not a claim extension).
     */
    private static int openWritingTransactions(JdbcTemplate jdbc) {
        Integer open = jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
                        + " AND backend_xid IS NOT NULL AND (query LIKE '%history_fact%' OR query LIKE '%reconciliation_%'"
                        + " OR query LIKE '%balance_%' OR query LIKE '%suspense_item%')",
                Integer.class, INSTANCE_B);
        return open == null ? 0 : open;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String nodeId) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--ledger.scheduling.enabled=false",
                        "--ledger.node-id=" + nodeId,
                        "--logging.level.root=WARN");
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext instance, String group) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** Sends the year through instance A's command path; counts down {@code halfway} at half of its days. */
    private static void send(ConfigurableApplicationContext a, List<LedgerDay> year, CountDownLatch halfway) {
        CommandService commands = a.getBean(CommandService.class);
        LedgerClock clock = a.getBean(LedgerClock.class);
        for (int day = 0; day < year.size(); day++) {
            if (day == year.size() / 2) {
                sleepQuietly(1_500); // both instances apply the first half before B is closed
                halfway.countDown();
            }
            clock.setToday(year.get(day).bookingDate());
            for (SyntheticCommand command : year.get(day).commands()) {
                commands.submit(command.type(), command.json(), CommandDriver.BENCH);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES_BY_GROUP
                .values()
                .forEach(tables -> tables.forEach(table -> rows.put(
                        table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class))));
        return rows;
    }
}
