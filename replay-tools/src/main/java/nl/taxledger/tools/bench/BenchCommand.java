package nl.taxledger.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay-tools bench}: a synthetic cooperation through the real service on a fresh embedded PostgreSQL,
 * every figure next to a raw PostgreSQL baseline of the same run. {@code bench generate} writes the
 * cooperation's commands as scenario NDJSON instead.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.Generate.class, AsOfChild.class},
        description = "Benchmark the ledger on a synthetic tax cooperation against raw PostgreSQL (see docs/bench.md)")
public final class BenchCommand implements Callable<Integer> {

    /** The synthetic cooperation, the same options for the benchmark and for {@code bench generate}. */
    static final class CooperationOptions {
        @Option(
                names = "--debtors",
                defaultValue = "100000",
                description = "debtors of the cooperation (default ${DEFAULT-VALUE})")
        int debtors;

        @Option(
                names = "--seed",
                defaultValue = "1",
                description = "random seed; same seed, same commands (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--direct-debit-share",
                defaultValue = "0.25",
                description = "share of debtors paying by direct debit (default ${DEFAULT-VALUE})")
        double directDebitShare;
    }

    @Mixin
    CooperationOptions cooperation;

    @Option(
            names = "--threads",
            defaultValue = "4",
            description = "client threads on the command path (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--import-assessments",
            description = "assessments for the batch import (default: 5 per debtor, 500,000 at 100,000 debtors)")
    Integer importAssessments;

    @Option(
            names = "--import-clients",
            defaultValue = "2",
            description = "concurrent POST /api/commands clients (default ${DEFAULT-VALUE})")
    int importClients;

    @Option(
            names = "--reads-per-second",
            defaultValue = "200",
            description = "steady read load on the payment days (default ${DEFAULT-VALUE})")
    int readsPerSecond;

    @Option(
            names = "--durable",
            defaultValue = "true",
            negatable = true,
            fallbackValue = "true",
            description = "PostgreSQL with synchronous_commit, fsync and full_page_writes on, as the service's own data"
                    + " directory runs; --no-durable uses zonky's throw-away settings (default ${DEFAULT-VALUE})")
    boolean durable;

    @Option(names = "--out", description = "also write the report (markdown) to this file")
    Path out;

    @Option(
            names = "--sql-profile",
            description =
                    "load pg_stat_statements and add the payment days' SQL, with calls per command, to the report")
    boolean sqlProfile;

    @Option(
            names = "--json",
            description = "also write the figures as JSON to this file: {\"figures\":[{\"id\",\"name\",\"value\","
                    + "\"unit\",\"baseline\",\"ratio\",…}],\"missing\":[…]} (docs/bench.md)")
    Path json;

    @Option(
            names = "--statement-transactions",
            defaultValue = "50000",
            description = "transactions of the camt.053 day statement imported after the batch import; 0 = none"
                    + " (default ${DEFAULT-VALUE})")
    int statementTransactions;

    @Option(
            names = "--asof-assessments",
            defaultValue = "0",
            description =
                    "run only figure (d) at scale: a generated ledger of this many assessments written straight to"
                            + " the event table, replayed as-of in a child JVM -Xmx2g (issue 14); 0 = the full bench"
                            + " (default ${DEFAULT-VALUE})")
    int asOfAssessments;

    @Override
    public Integer call() throws Exception {
        if (asOfAssessments > 0) {
            return asOfAtScale();
        }
        int imports = importAssessments != null
                ? importAssessments
                : (int) Math.min(Integer.MAX_VALUE / 2, 5L * cooperation.debtors);
        Bench.Options options = new Bench.Options(
                cooperation.debtors,
                cooperation.seed,
                threads,
                imports,
                importClients,
                readsPerSecond,
                cooperation.directDebitShare,
                durable,
                statementTransactions,
                sqlProfile);
        Bench.Result result = new Bench(options, System.err).run();
        String report = report(options, result);
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
        if (json != null) {
            BenchSummary.write(json, options, result);
        }
        boolean complete = result.figures().stream().allMatch(Figure::produced);
        return result.reconciles() && complete ? 0 : 1;
    }

    /** Figure (d) alone, on a generated ledger of {@code --asof-assessments} assessments. */
    private int asOfAtScale() throws Exception {
        Bench.Result result = Bench.asOfAtScale(asOfAssessments, cooperation.seed, durable, System.err);
        Runtime runtime = Runtime.getRuntime();
        String report = "# replay-tools bench --asof-assessments " + asOfAssessments + ", " + Instant.now() + "\n\n"
                + "- machine: " + runtime.availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", PostgreSQL " + result.postgresVersion() + " (embedded"
                + (durable ? ", durable" : ", zonky's throw-away settings") + ")\n"
                + "- load average at the end: "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                + "\n"
                + "- ledger: " + result.events() + " events written straight to the event table; the as-of reconciles: "
                + result.reconciles() + "\n\n"
                + Targets.markdown(result.figures());
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
        if (json != null) {
            BenchSummary.writeAsOf(json, asOfAssessments, result);
        }
        boolean complete = result.figures().stream().allMatch(Figure::produced);
        return result.reconciles() && complete ? 0 : 1;
    }

    static String report(Bench.Options options, Bench.Result result) {
        Runtime runtime = Runtime.getRuntime();
        return "# replay-tools bench, " + Instant.now() + "\n\n"
                + "- options: debtors " + options.debtors() + ", seed " + options.seed() + ", threads "
                + options.threads()
                + ", import assessments " + options.importAssessments() + " over " + options.importClients()
                + " clients"
                + ", reads/s " + options.readsPerSecond() + ", direct-debit share " + options.directDebitShare()
                + ", statement transactions " + options.statementTransactions()
                + (options.durable()
                        ? ", durable commits (synchronous_commit, fsync, full_page_writes on)"
                        : ", zonky's throw-away settings (synchronous_commit, fsync off)")
                + "\n"
                + "- machine: " + runtime.availableProcessors() + " CPUs, max heap " + runtime.maxMemory() / (1 << 20)
                + " MiB, Java "
                + System.getProperty("java.version") + ", PostgreSQL " + result.postgresVersion() + " (embedded)\n"
                + "- load average at the end: "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "\n"
                + "- ledger: " + result.commands() + " commands, " + result.events() + " events; reconciles: "
                + result.reconciles() + "\n\n"
                + Targets.markdown(result.figures())
                + missingNote(BenchSummary.missing(result.figures()))
                + result.appendix();
    }

    private static String missingNote(List<String> missing) {
        return missing.isEmpty() ? "" : "\nNot measured in this run: " + String.join(", ", missing) + "\n";
    }

    /** {@code bench generate}: the cooperation as scenario NDJSON (the year, then the import assessments). */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write the synthetic cooperation's commands as scenario NDJSON")
    static final class Generate implements Callable<Integer> {
        @Mixin
        CooperationOptions options;

        @Option(
                names = "--import-assessments",
                defaultValue = "0",
                description = "also the import run's assessments (default ${DEFAULT-VALUE})")
        int importAssessments;

        @Option(names = "--out", required = true, description = "the NDJSON file to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            Cooperation cooperation = new Cooperation(options.seed, options.debtors, options.directDebitShare);
            JsonMapper json = JsonMapper.builder().build();
            long lines = 0;
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                List<LedgerDay> year = cooperation.year();
                for (LedgerDay day : year) {
                    for (SyntheticCommand command : day.commands()) {
                        writer.write(json.writeValueAsString(command.json()));
                        writer.newLine();
                        lines++;
                    }
                }
                for (int number = 1; number <= importAssessments; number++) {
                    writer.write(json.writeValueAsString(cooperation.importAssessment(number)));
                    writer.newLine();
                    lines++;
                }
            }
            System.err.println("wrote " + lines + " commands to " + out);
            return 0;
        }
    }
}
