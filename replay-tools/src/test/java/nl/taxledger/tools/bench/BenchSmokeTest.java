package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench in a small configuration, so that it cannot rot: every figure is produced and positive, and the
 * ledger reconciles afterwards, and the JSON summary ({@code --json}) names every figure of issue 14 as measured or
 * missing. It asserts nothing about speed: timings belong in BENCHMARKS.md, not in a test.
 */
class BenchSmokeTest {

    @TempDir
    Path tempDir;

    @Test
    void aSmallRunProducesEveryFigureAndLeavesALedgerThatReconciles() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Bench.Options options = new Bench.Options(200, 7, 2, 200, 2, 200, 0.25, true, 300, false);

        Bench.Result result = new Bench(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertThat(result.reconciles())
                .as("reconciliation identities after the run")
                .isTrue();
        assertThat(result.figures()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(result.figures()).allSatisfy(figure -> {
            assertThat(figure.produced()).as(figure.what()).isTrue();
            assertThat(figure.baseline()).as("baseline of " + figure.what()).isPositive();
        });
        String report = BenchCommand.report(options, result);
        assertThat(report).contains("| a1 |", "| a2 |", "| b |", "| c |", "| d |", "| e |", "| g |");

        Path file = Files.createTempFile(tempDir, "bench", ".json");
        BenchSummary.write(file, options, result);
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(file));
        List<String> ids = new ArrayList<>();
        summary.get("figures").forEach(figure -> {
            ids.add(figure.get("id").asString());
            assertThat(figure.get("value").isNumber()).as(figure.toString()).isTrue();
            assertThat(figure.get("baseline").isNumber()).as(figure.toString()).isTrue();
            assertThat(figure.get("ratio").doubleValue())
                    .as(figure.toString())
                    .isEqualTo(figure.get("value").doubleValue()
                            / figure.get("baseline").doubleValue());
            assertThat(figure.get("name").asString()).isNotBlank();
            assertThat(figure.get("unit").asString()).isNotBlank();
        });
        assertThat(ids).doesNotHaveDuplicates().contains("a1", "a2", "b", "c", "d", "e", "g", "c0", "a2-p99");
        if (Files.isReadable(Path.of("/proc/stat"))) {
            // where the CPU went per write phase, the measured why of a missed rate
            assertThat(ids).contains("a1-cpu", "a2-cpu", "b-cpu", "g-cpu", "c-cpu");
            assertThat(report).contains("## Where the CPU went");
        }
        List<String> missing = new ArrayList<>();
        summary.get("missing").forEach(entry -> missing.add(entry.get("id").asString()));
        // a headline figure is either measured or listed as missing, never both and never silently absent
        assertThat(missing).doesNotContainAnyElementsOf(ids);
        List<String> reported = new ArrayList<>(ids);
        reported.addAll(missing);
        assertThat(reported).containsAll(BenchSummary.HEADLINE_IDS.keySet());
        assertThat(summary.get("run").get("reconciles").asBoolean()).isTrue();
    }
}
