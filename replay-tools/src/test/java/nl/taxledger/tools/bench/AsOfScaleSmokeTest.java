package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --asof-assessments} in a small configuration, so that it cannot rot: the generated ledger is written
 * straight to the event table, read back whole by the as-of in a child JVM with a 2 GiB heap, and reconciles. It
 * asserts nothing about speed: timings belong in BENCHMARKS.md.
 */
class AsOfScaleSmokeTest {

    @Test
    void aGeneratedLedgerIsReplayedWholeInAChildJvmAndReconciles() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Bench.Result result =
                Bench.asOfAtScale(2_001, 3, false, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.reconciles())
                .as("the as-of of the generated ledger reconciles")
                .isTrue();
        // 11 participants, 2,001 assessments, about 70% of 1,001 debtors paying, about 1% in suspense
        assertThat(result.events()).isBetween(11L + 2_001 + 600, 11L + 2_001 + 800 + 30);
        assertThat(result.figures()).singleElement().satisfies(figure -> {
            assertThat(figure.id()).isEqualTo("d");
            assertThat(figure.produced()).isTrue();
            assertThat(figure.baseline()).isPositive();
            assertThat(figure.what()).contains("2001 assessments", "1001 debtors", "-Xmx2g");
        });
    }
}
