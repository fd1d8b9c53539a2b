package nl.taxledger.service.asof;

import java.io.OutputStream;
import java.time.LocalDate;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;

/**
 * The one path from the event store to a reference-date report, used by the CLI
 * ({@code replay-tools as-of}), the REST endpoint and the scenario runner alike.
 */
public final class AsOfReports {
    private final EventStoreReader reader = new EventStoreReader();

    /** Folds the whole store as of effective date {@code asOf} (null = all), as known at {@code knownAt} (null = all). */
    public AsOfFold fold(DataSource dataSource, LocalDate asOf, LocalDate knownAt, EventStoreReader.Progress progress) {
        AsOfFold fold = new AsOfFold(asOf, knownAt);
        reader.readAll(dataSource, fold::apply, progress);
        return fold;
    }

    public void write(DataSource dataSource, AsOfReport report, ReportFormat format, LocalDate asOf, LocalDate knownAt,
                      OutputStream out, EventStoreReader.Progress progress) {
        AsOfFold fold = fold(dataSource, asOf, knownAt, progress);
        ReportWriter.write(report.table(fold), format, asOf, knownAt, out);
    }
}
