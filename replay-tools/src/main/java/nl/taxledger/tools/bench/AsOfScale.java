package nl.taxledger.tools.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;

/**
 * Figure (d) at the size of a large cooperation (issue 14 §4): a ledger of {@code assessments} written straight to
 * the event table ({@link ScaleLedger}), then the as-of replay of all of it ({@code AsOfReports.fold}, the code behind
 * the CLI and the REST reports) in a child JVM limited to a 2 GiB heap, next to the raw read+parse of the same table.
 * The child reports its time, its heap's peak and whether the replay reconciles ({@link AsOfChild}).
 */
final class AsOfScale {
    static final String CHILD_MAX_HEAP = "-Xmx2g";
    /** A child that takes longer than this is stuck, not slow: stop it and report no figure. */
    static final long CHILD_TIMEOUT_MINUTES = 120;

    /** What the child measured, and the raw baseline of the same run. */
    record Result(
            long assessments,
            long events,
            double writeSeconds,
            double foldSeconds,
            long peakHeapBytes,
            long maxHeapBytes,
            long debtors,
            boolean reconciles,
            double rawReadEventsPerSecond) {
        double eventsPerSecond() {
            return events / foldSeconds;
        }
    }

    private AsOfScale() {}

    static Result run(BenchService service, int assessments, long seed, PrintStream progress) throws SQLException {
        // the service's own processors would project the generated ledger alongside the measurement: stop them
        service.bean(EventProcessingConfiguration.class)
                .eventProcessors()
                .values()
                .forEach(EventProcessor::shutDown);
        long started = System.nanoTime();
        long events = new ScaleLedger(service, seed).write(assessments, progress);
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        analyze(service.dataSource());
        progress.println("bench: wrote " + assessments + " assessments (" + events + " events) in "
                + Figure.number(writeSeconds) + " s; raw read+parse");
        RawBaselines raw = new RawBaselines(service.dataSource());
        double rawRead = raw.readAndParseEventsPerSecond();
        progress.println("bench: raw read+parse " + Figure.number(rawRead) + " events/s; as-of in a child JVM "
                + CHILD_MAX_HEAP);
        Map<String, String> child = runChild(service.jdbcUrl(), progress);
        rawRead = Math.max(rawRead, raw.readAndParseEventsPerSecond()); // the better of two: a fair limit
        long folded = Long.parseLong(child.get("events"));
        if (folded != events) {
            throw new IllegalStateException("the as-of read " + folded + " events of " + events + " written");
        }
        return new Result(
                assessments,
                events,
                writeSeconds,
                Double.parseDouble(child.get("seconds")),
                Long.parseLong(child.get("peakHeapBytes")),
                Long.parseLong(child.get("maxHeapBytes")),
                Long.parseLong(child.get("debtors")),
                Boolean.parseBoolean(child.get("reconciles")),
                rawRead);
    }

    private static void analyze(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("VACUUM ANALYZE domainevententry"); // as autovacuum would, before the reads are timed
        }
    }

    /**
     * {@code java -Xmx2g} on this tool's own classpath: {@code -jar} for the packaged tool, the class path in tests.
     * Reads the child's last line, {@code key=value} pairs.
     */
    private static Map<String, String> runChild(String jdbcUrl, PrintStream progress) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, CHILD_MAX_HEAP));
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, nl.taxledger.tools.ReplayTools.class.getName()));
        }
        command.addAll(List.of("bench", AsOfChild.NAME, "--jdbc-url", jdbcUrl));
        progress.println("bench: " + String.join(" ", command.subList(0, 2)) + " … bench " + AsOfChild.NAME);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String last = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    progress.println("  as-of child: " + line);
                    last = line;
                }
            }
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the as-of child did not end");
            }
            if (process.exitValue() != 0 || last == null || !last.startsWith(AsOfChild.RESULT)) {
                throw new IllegalStateException("the as-of child failed (exit " + process.exitValue() + "): " + last);
            }
            Map<String, String> values = new HashMap<>();
            for (String pair : last.substring(AsOfChild.RESULT.length()).trim().split(" ")) {
                int equals = pair.indexOf('=');
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the as-of child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the as-of child ran", e);
        }
    }

    /** The figure (d) of this run, for the report (id {@code d}, as issue 14 names it). */
    static Figure figure(Result r) {
        double shareOfRaw = r.eventsPerSecond() / r.rawReadEventsPerSecond();
        boolean fits = r.peakHeapBytes() <= r.maxHeapBytes();
        return new Figure(
                "d",
                "as-of replay of " + r.assessments() + " assessments (" + r.events() + " events, " + r.debtors()
                        + " debtors) in a JVM " + CHILD_MAX_HEAP + ": " + Figure.number(r.foldSeconds())
                        + " s, peak heap "
                        + r.peakHeapBytes() / (1 << 20) + " MiB of " + r.maxHeapBytes() / (1 << 20)
                        + " MiB; events/s",
                r.eventsPerSecond(),
                "/s",
                "raw read+parse events/s",
                r.rawReadEventsPerSecond(),
                "≥ 0.40 of raw read+parse, within a 2 GiB heap",
                shareOfRaw >= Targets.AS_OF_SHARE_OF_RAW && fits && r.reconciles());
    }
}
