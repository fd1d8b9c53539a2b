package nl.taxledger.tools.asof;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import nl.taxledger.service.asof.AsOfReport;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.asof.ReportFormat;
import nl.taxledger.tools.store.OpenStore;
import nl.taxledger.tools.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code replay-tools as-of}: the ledger as of a reference date (peildatum), as known at a
 * booking date, replayed read-only from the event store of a running service (--db) or of a
 * stopped service's embedded data directory (--data).
 */
@Command(name = "as-of", mixinStandardHelpOptions = true,
        description = "Report the ledger as of effective date D (peildatum), as known at booking date K")
public final class AsOfCommand implements Callable<Integer> {

    @Option(names = "--peildatum", required = true, description = "effective date D (ISO yyyy-mm-dd)")
    LocalDate asOf;

    @Option(names = "--known-at", description = "booking date K; default: everything booked")
    LocalDate knownAt;

    @Option(names = "--report", required = true,
            description = "reconciliation | debtors | trial-balance | management-info | collection-rate")
    String report;

    @Option(names = "--format", defaultValue = "csv", description = "csv | json | xlsx (default csv)")
    String format;

    @Option(names = "--out", description = "output file; default standard output")
    Path out;

    /** Where the event store is: exactly one of --db and --data (shared with verify and audit). */
    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        quietLogging();
        AsOfReport which = AsOfReport.parse(report);
        ReportFormat how = ReportFormat.parse(format);
        try (OutputStream sink = open();
             ConsoleProgress progress = ConsoleProgress.onTerminal()) {
            try (OpenStore opened = store.open()) {
                run(opened.dataSource(), which, how, sink, progress);
            }
        }
        return 0;
    }

    /** The report may go to standard output, where the embedded PostgreSQL's INFO logging would end up in the CSV. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private void run(DataSource dataSource, AsOfReport which, ReportFormat how, OutputStream sink,
                     EventStoreReader.Progress progress) {
        new AsOfReports().write(dataSource, which, how, asOf, knownAt, sink, progress);
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            // standard output stays open for the JVM; only flush it
            return new BufferedOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(out));
    }
}
