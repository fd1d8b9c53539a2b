package nl.taxledger.tools.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nl.taxledger.projections.ProjectionTables;
import nl.taxledger.projections.ReadModels;
import nl.taxledger.tools.ReplayTools;
import nl.taxledger.tools.bench.InstanceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash test (issue 12, item 5): the service JVM <b>and</b> its PostgreSQL postmaster are killed with {@code SIGKILL}
 * at random points of an NDJSON import, restarted on the same data directory, and sent the same file again. Then:
 * every line answered {@code ACCEPTED} before a kill is stored exactly once (and answered {@code REPLAYED} with the
 * same result), no command is stored twice, every line is stored, {@code replay-tools verify} passes, and the
 * projections catch up and equal a rebuild.
 *
 * <p>Seeded: the seed is printed; {@code -Dcrash.seed=N} replays a run. Short by default (2 kills, 1,000 lines: about 4 minutes on a busy 2-core machine, fsync on);
 * the long run of the issue: {@code mvn -B -pl replay-tools -am verify -Dtest=CrashImportTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcrash.kills=20 -Dcrash.lines=100000}.
 */
@Tag("crash")
class CrashImportTest {
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int KILLS = Integer.getInteger("crash.kills", 2);
    private static final int LINES = Integer.getInteger("crash.lines", 1_000);
    private static final Duration TIMEOUT = Duration.ofMinutes(Math.max(5, LINES / 2_000));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "admin";

    private final Path directory = Path.of("target", "crash", "seed-" + SEED).toAbsolutePath();
    private final Path data = directory.resolve("data").resolve("postgres");
    private final int postgresPort = InstanceProcess.freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    /** The service started last, killed after the test whatever happened, with its postmaster. */
    private InstanceProcess current;

    @AfterEach
    void killWhatIsLeft() throws Exception {
        if (current != null) {
            killBoth(current, true);
        }
    }

    @Test
    void killing_service_and_postgres_mid_import_loses_no_accepted_line_and_stores_none_twice() throws Exception {
        System.out.printf(
                "crash test: seed %d (-Dcrash.seed=%d replays it), %d kills, %d lines%n", SEED, SEED, KILLS, LINES);
        Random random = new Random(SEED);
        Path file = directory.resolve("import.ndjson");
        Files.createDirectories(directory);
        Files.write(file, ImportFile.lines(LINES, random), StandardCharsets.UTF_8);

        Map<String, JsonNode> acceptedBeforeKill = new HashMap<>();
        int furthest = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            int killAfter = furthest + 1 + random.nextInt(Math.max(1, (LINES - furthest) * 2 / (KILLS - kill + 3)));
            InstanceProcess service = start("kill-" + kill);
            Map<String, Answer> answers = importUntil(service, file, Math.min(killAfter, LINES - 1), () -> {
                Thread.sleep(random.nextInt(20)); // so the kill lands inside a command, not between two
                killBoth(service, random.nextBoolean());
            });
            answers.forEach((commandId, answer) -> {
                if (answer.status().equals("ACCEPTED")) {
                    acceptedBeforeKill.put(commandId, answer.result());
                }
            });
            furthest = Math.max(furthest, answers.size());
            System.out.printf(
                    "crash test: kill %d after %d answered lines (%d accepted so far)%n",
                    kill, answers.size(), acceptedBeforeKill.size());
        }

        long restarted = System.nanoTime();
        InstanceProcess service = start("final");
        try {
            Map<String, Answer> last = importUntil(service, file, Integer.MAX_VALUE, () -> {});
            assertThat(last).as("every line answered").hasSize(LINES);
            assertThat(last.values()).extracting(Answer::status).containsOnly("ACCEPTED", "REPLAYED");
            acceptedBeforeKill.forEach((commandId, result) -> {
                assertThat(last.get(commandId).status())
                        .as(commandId + " accepted before a kill")
                        .isEqualTo("REPLAYED");
                assertThat(last.get(commandId).result())
                        .as(commandId + " result")
                        .isEqualTo(result);
            });
            JdbcTemplate jdbc = readOnly();
            assertThat(jdbc.queryForList(
                            "SELECT c FROM (SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'commandId' c,"
                                    + " count(*) n FROM domainevententry GROUP BY 1) x WHERE n <> 1",
                            String.class))
                    .as("commands stored other than exactly once")
                    .isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                    .isEqualTo(LINES);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM command_log", Long.class))
                    .isEqualTo(LINES);

            awaitCaughtUp(service, jdbc);
            long convergedMillis =
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis();
            assertVerifyPasses();
            Map<String, List<String>> live = snapshot(jdbc);
            send(
                    service,
                    HttpRequest.newBuilder(uri(service, "/api/processors/" + ReadModels.PROCESSOR + "/rebuild"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
            Thread.sleep(500);
            awaitCaughtUp(service, jdbc);
            assertThat(snapshot(jdbc))
                    .as("projections after the crashes equal a rebuild")
                    .isEqualTo(live);
            System.out.printf(
                    "crash test: seed %d, %d kills, %d lines, %d accepted before a kill, 0 lost,"
                            + " 0 duplicated; restart to projections caught up (whole file re-sent): %d ms%n",
                    SEED, KILLS, LINES, acceptedBeforeKill.size(), convergedMillis);
        } finally {
            killBoth(service, true);
            current = null;
        }
        deleteRecursively(directory);
    }

    /** One result line: ACCEPTED, REPLAYED or REJECTED, with the result of an accepted one. */
    record Answer(String status, JsonNode result) {}

    @FunctionalInterface
    interface Kill {
        void now() throws Exception;
    }

    /**
     * Sends the file; reads result lines until {@code killAfter} are answered, then runs {@code kill}. A line with a
     * {@code summary} member (the import's closing line) is not a command's answer. Keyed by commandId.
     */
    private Map<String, Answer> importUntil(InstanceProcess service, Path file, int killAfter, Kill kill)
            throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        HttpRequest request = signedIn(HttpRequest.newBuilder(uri(service, "/api/commands")))
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .timeout(TIMEOUT)
                .build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                JsonNode answer = JSON.readTree(lines.next());
                if (answer.has("summary")) {
                    continue;
                }
                answers.put(
                        answer.path("commandId").asString(),
                        new Answer(answer.path("status").asString(), answer.path("result")));
                if (answers.size() >= killAfter) {
                    kill.now();
                    break;
                }
            }
        } catch (IOException | UncheckedIOException cutOff) {
            // the kill cut the answer off
        }
        return answers;
    }

    private InstanceProcess start(String name, String... arguments) throws Exception {
        InstanceProcess service = InstanceProcess.startOnDataDirectory(
                data, postgresPort, directory.resolve("service-" + name + ".log"), arguments);
        current = service;
        Path passwordFile = data.getParent().resolve("initial-admin-password");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.isRegularFile(passwordFile) || Files.size(passwordFile) == 0) {
            assertThat(service.process().isAlive())
                    .as("service " + name + " running")
                    .isTrue();
            assertThat(System.nanoTime()).as("initial admin written").isLessThan(deadline);
            Thread.sleep(200);
        }
        service.awaitUp(TIMEOUT, ADMIN, adminPassword());
        return service;
    }

    /** Both processes, in either order, each with SIGKILL; then nothing of the old service is left running. */
    private void killBoth(InstanceProcess service, boolean serviceFirst) throws Exception {
        if (serviceFirst) {
            service.kill();
            InstanceProcess.killPostmaster(data);
        } else {
            InstanceProcess.killPostmaster(data);
            service.kill();
        }
    }

    private void awaitCaughtUp(InstanceProcess service, JdbcTemplate jdbc) throws Exception {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonNode processors = JSON.readTree(send(service, HttpRequest.newBuilder(uri(service, "/api/processors"))));
            boolean caughtUp = processors.size() == 1; // the read models' one processor
            for (JsonNode processor : processors) {
                assertThat(processor.path("error").asBoolean())
                        .as(processor.toString())
                        .isFalse();
                caughtUp &= processor.path("position").isNumber()
                        && processor.path("position").asLong() >= head;
            }
            if (caughtUp) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("projections caught up: " + processors)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private void assertVerifyPasses() {
        StringWriter output = new StringWriter();
        CommandLine tools = new CommandLine(new ReplayTools());
        tools.setOut(new PrintWriter(output));
        tools.setErr(new PrintWriter(output));
        int exit = tools.execute(
                "verify",
                "--db",
                jdbcUrl(),
                "--password-file",
                passwords().resolve("ledger_readonly").toString());
        assertThat(exit).as("replay-tools verify:%n%s", output).isZero();
        assertThat(output.toString()).contains("verify: OK");
    }

    private Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        ProjectionTables.BY_PROCESSING_GROUP
                .values()
                .forEach(tables -> tables.forEach(table -> rows.put(
                        table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class))));
        return rows;
    }

    private JdbcTemplate readOnly() throws IOException {
        return new JdbcTemplate(new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                jdbcUrl(),
                "ledger_readonly",
                Files.readString(passwords().resolve("ledger_readonly")).strip()));
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    private Path passwords() {
        return data.resolveSibling("postgres-passwords");
    }

    private String adminPassword() throws IOException {
        return Files.readString(data.getParent().resolve("initial-admin-password"))
                .strip();
    }

    private HttpRequest.Builder signedIn(HttpRequest.Builder request) throws IOException {
        return request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((ADMIN + ":" + adminPassword()).getBytes(StandardCharsets.UTF_8)));
    }

    private String send(InstanceProcess service, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(signedIn(request).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(response.uri() + ": " + response.body())
                .isBetween(200, 299);
        return response.body();
    }

    private static URI uri(InstanceProcess service, String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The import: participants, then blocks of debtors: their assessments, then their payments shuffled. */
    static final class ImportFile {
        private static final int PARTICIPANTS = 5;
        private static final int DEBTORS_PER_BLOCK = 50;
        private static final int PAYMENTS_PER_DEBTOR = 4;

        private ImportFile() {}

        static List<String> lines(int count, Random random) {
            List<String> lines = new ArrayList<>();
            for (int participant = 0; participant < PARTICIPANTS; participant++) {
                lines.add("""
                        {"type":"RegisterParticipant","commandId":"crash-reg-%1$d","participantId":"GEM-C%1$d",\
                        "name":"Gemeente C%1$d","iban":"NL91ABNA0417164300"}""".formatted(participant));
            }
            for (int block = 0; lines.size() < count; block++) {
                List<String> payments = new ArrayList<>();
                for (int n = 0; n < DEBTORS_PER_BLOCK; n++) {
                    int debtor = block * DEBTORS_PER_BLOCK + n;
                    lines.add("""
                            {"type":"ImposeAssessment","commandId":"crash-imp-%1$d","assessmentId":"A-C%1$d",\
                            "debtorId":"S-C%1$d","issueDate":"2026-01-15","dueDate":"2026-02-28","lines":[{"lineId":"L1",\
                            "participantId":"GEM-C%2$d","taxType":"OZB","taxYear":2026,"amount":"100.00"}]}""".formatted(debtor, debtor % PARTICIPANTS));
                    for (int payment = 0; payment < PAYMENTS_PER_DEBTOR; payment++) {
                        payments.add("""
                                {"type":"ReceivePayment","commandId":"crash-pay-%1$d-%2$d","paymentId":"P-C%1$d-%2$d",\
                                "amount":"%3$d.%4$02d","reference":"A-C%1$d","valueDate":"2026-11-30"}""".formatted(debtor, payment, 1 + random.nextInt(24), random.nextInt(100)));
                    }
                }
                Collections.shuffle(payments, random);
                lines.addAll(payments);
            }
            return List.copyOf(lines.subList(0, count));
        }
    }
}
