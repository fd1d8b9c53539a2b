package nl.taxledger.tools.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public scenario files (copied from shared/spec/scenarios) run through the real command path and
 * the real queries, each on a fresh ledger, exactly as {@code replay-tools scenario run} does.
 */
public class PublicScenariosTest {
    static final Path SCENARIOS = Paths.get("src/test/resources/scenarios");

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = ServiceLedger.startPostgres();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static ScenarioRunner.Tally run(List<Path> files, ByteArrayOutputStream output) throws IOException {
        return new ScenarioRunner(ServiceLedger.on(postgres), new PrintStream(output, true, StandardCharsets.UTF_8))
                .runAll(files);
    }

    /** Runs a copy of one public scenario, its text changed by {@code change} (which must change something). */
    private static ScenarioRunner.Tally runChangedCopy(
            Path dir, String scenario, UnaryOperator<String> change, ByteArrayOutputStream output) throws IOException {
        String original = Files.readString(SCENARIOS.resolve(scenario));
        String changedText = change.apply(original);
        assertThat(changedText).as("the changed copy").isNotEqualTo(original);
        Path changed = dir.resolve(scenario.substring(0, 2) + "-changed.ndjson");
        Files.writeString(changed, changedText);
        return run(List.of(changed), output);
    }

    @Test
    void every_public_scenario_passes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SCENARIOS)) {
            files = listing.filter(p -> p.toString().endsWith(".ndjson"))
                    .sorted()
                    .toList();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ScenarioRunner.Tally tally = run(files, output);

        assertThat(output.toString(StandardCharsets.UTF_8)).as("runner output").doesNotContain("line ");
        assertThat(tally.failed()).isZero();
        assertThat(tally.passed()).isGreaterThanOrEqualTo(files.size());
    }

    @Test
    void a_copy_with_one_expectation_changed_fails_with_expected_and_actual(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ScenarioRunner.Tally tally = runChangedCopy(
                dir,
                "01-art7-directed-payment.ndjson",
                text -> text.replaceFirst("\"principal\": \"400.00\"", "\"principal\": \"399.99\""),
                output);

        assertThat(tally.failed()).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("debtor S1 A1.principal: expected 399.99, actual 400.00")
                .contains("3 passed, 1 failed");
    }

    @Test
    void a_command_refused_with_another_code_than_expected_is_a_failure(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ScenarioRunner.Tally tally = runChangedCopy(
                dir,
                "08-idempotency-and-bad-input.ndjson",
                text -> text.replace("\"expectError\": \"DUPLICATE_PAYMENT\"", "\"expectError\": \"UNKNOWN_PAYMENT\""),
                output);

        assertThat(tally.failed()).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("expected error UNKNOWN_PAYMENT, actual DUPLICATE_PAYMENT");
    }
}
