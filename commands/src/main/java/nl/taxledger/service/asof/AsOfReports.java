package nl.taxledger.service.asof;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.DebtorPosition;

/**
 * The one path from the event store to a reference-date report, used by the CLI
 * ({@code replay-tools as-of}), the REST endpoint and the scenario runner alike.
 */
public final class AsOfReports {
    private final EventStoreReader reader = new EventStoreReader();

    /**
     * Folds the whole store as of effective date {@code asOf} (null = all), as known at {@code knownAt} (null = all),
     * keeping every debtor's position for {@link AsOfFold#debtors()}: memory grows with the debtors' assessments.
     */
    public AsOfFold fold(DataSource dataSource, LocalDate asOf, LocalDate knownAt, EventStoreReader.Progress progress) {
        return fold(dataSource, new AsOfFold(asOf, knownAt), progress);
    }

    /**
     * The same fold, handing each debtor's position to {@code debtors} (in debtor key order) and keeping none: memory
     * is bounded by the largest debtor, not by the ledger (issue 14).
     */
    public AsOfFold fold(
            DataSource dataSource,
            LocalDate asOf,
            LocalDate knownAt,
            Consumer<DebtorPosition> debtors,
            EventStoreReader.Progress progress) {
        return fold(dataSource, new AsOfFold(asOf, knownAt, debtors), progress);
    }

    private AsOfFold fold(DataSource dataSource, AsOfFold fold, EventStoreReader.Progress progress) {
        reader.readByDebtor(dataSource, fold, progress);
        return fold.finish();
    }

    public void write(
            DataSource dataSource,
            AsOfReport report,
            ReportFormat format,
            LocalDate asOf,
            LocalDate knownAt,
            OutputStream out,
            EventStoreReader.Progress progress) {
        // only the debtors report lists the debtors; the others are totals and need no debtor kept
        AsOfFold fold = report == AsOfReport.DEBTORS
                ? fold(dataSource, asOf, knownAt, progress)
                : fold(dataSource, asOf, knownAt, debtor -> {}, progress);
        ReportWriter.write(report.table(fold), format, asOf, knownAt, out);
    }
}
