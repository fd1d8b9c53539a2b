package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bench in a small configuration, so that it cannot rot: every figure is produced and positive, and the
 * ledger reconciles afterwards. It asserts nothing about speed: timings belong in BENCHMARKS.md, not in a test.
 */
class BenchSmokeTest {

    @Test
    void aSmallRunProducesEveryFigureAndLeavesALedgerThatReconciles() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Bench.Options options = new Bench.Options(200, 7, 2, 200, 2, 200, 0.25, true, 300);

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
        assertThat(report).contains("| a1 |", "| a2 |", "| b |", "| c |", "| d |", "| e |", "| f |", "| g |");
    }
}
