package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale-out: two service instances on one PostgreSQL split every projection's two segments (claims in the JDBC
 * token store), one instance is closed while events flow, the other takes its segments over. Every event is
 * applied exactly once: the history table has one row per fact (its primary key is the global position), and a
 * rebuild from an empty token on a single instance gives identical tables for all four projections.
 */
class ScaleOutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int SEGMENTS = 2;
    private static final Map<String, List<String>> TABLES_BY_GROUP = Map.of(
            "debtor-balances", List.of("balance_debtor", "balance_assessment", "balance_line", "balance_cost_item",
                    "balance_interest_item", "balance_payment"),
            "reconciliation", List.of("reconciliation_line", "reconciliation_movement"),
            "suspense", List.of("suspense_item"),
            "debtor-history", List.of("history_fact"));

    @Test
    void twoInstancesSplitTheSegmentsAndEveryEventIsAppliedExactlyOnceWhenOneIsClosedMidStream() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext a = start(postgres, "instance-a")) {
            ConfigurableApplicationContext b = start(postgres, "instance-b");
            try {
                moveSegmentOne(a, b);
                assertThat(claimedSegments(a)).as("instance A's claims").allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
                assertThat(claimedSegments(b)).as("instance B's claims").allSatisfy((name, count) -> assertThat(count).isEqualTo(1));

                List<LedgerDay> year = new Cooperation(11, 150, 0.25).year();
                CountDownLatch halfway = new CountDownLatch(1);
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> send(a, year, halfway));
                assertThat(halfway.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(hasProcessed(b)).as("instance B applied events before it was closed").isTrue();
                b.close(); // while instance A keeps writing and both were processing
                writer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                b.close();
            }

            // caught up counts only when this instance holds every segment: A has taken over B's
            a.getBean(ProjectionSync.class).awaitCaughtUp(TIMEOUT);
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            Map<String, List<String>> splitAcrossInstances = snapshot(jdbc);
            assertThat(splitAcrossInstances.get("history_fact")).isNotEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM history_fact h"
                    + " LEFT JOIN domainevententry e ON e.globalindex = h.global_position"
                    + " WHERE e.eventidentifier IS DISTINCT FROM h.event_id", Long.class)).isZero();
            assertThat(a.getBean(ReconciliationQuery.class).totals().holds()).isTrue();

            TABLES_BY_GROUP.keySet().forEach(a.getBean(ProjectionRebuild.class)::rebuild);
            a.getBean(ProjectionSync.class).awaitCaughtUp(TIMEOUT);

            assertThat(snapshot(jdbc)).isEqualTo(splitAcrossInstances);
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String nodeId) {
        return new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--ledger.scheduling.enabled=false", "--ledger.node-id=" + nodeId, "--logging.level.root=WARN");
    }

    /** A releases segment 1 of every projection for a moment, B claims it; B then holds it against A. */
    private static void moveSegmentOne(ConfigurableApplicationContext a, ConfigurableApplicationContext b)
            throws InterruptedException {
        for (String group : TABLES_BY_GROUP.keySet()) {
            StreamingEventProcessor fromA = processor(a, group);
            StreamingEventProcessor toB = processor(b, group);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!toB.processingStatus().containsKey(1)) {
                assertThat(System.nanoTime()).as("B claims segment 1 of " + group).isLessThan(deadline);
                fromA.releaseSegment(1, 3, TimeUnit.SECONDS);
                toB.claimSegment(1).join();
                Thread.sleep(100);
            }
            while (fromA.processingStatus().size() != SEGMENTS - 1 || !fromA.processingStatus().containsKey(0)) {
                assertThat(System.nanoTime()).as("A keeps segment 0 of " + group).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static Map<String, Integer> claimedSegments(ConfigurableApplicationContext instance) {
        Map<String, Integer> claimed = new LinkedHashMap<>();
        TABLES_BY_GROUP.keySet().forEach(group -> claimed.put(group, processor(instance, group).processingStatus().size()));
        return claimed;
    }

    private static boolean hasProcessed(ConfigurableApplicationContext instance) {
        return TABLES_BY_GROUP.keySet().stream().allMatch(group -> processor(instance, group).processingStatus().values()
                .stream().map(EventTrackerStatus::getCurrentPosition).anyMatch(p -> p.isPresent() && p.getAsLong() > 0));
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext instance, String group) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElseThrow();
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
        TABLES_BY_GROUP.values().forEach(tables -> tables.forEach(
                table -> rows.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class))));
        return rows;
    }
}
