package nl.taxledger.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.ledger.asof.TrialBalanceRow;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench as-of-child}: the as-of replay of a whole store as the bench's figure (d) at scale runs it, in a JVM
 * of its own so its heap limit ({@code -Xmx}) is the one under test. Folds with {@code AsOfReports.fold}, the
 * debtors' positions counted and dropped, and prints one line: {@code as-of-result events=… seconds=…
 * peakHeapBytes=… maxHeapBytes=… debtors=… reconciles=…}. The peak is the sum of each heap pool's peak, an upper
 * bound of the heap ever in use.
 */
@Command(name = AsOfChild.NAME, hidden = true, description = "As-of replay of a store, measured (bench figure d)")
final class AsOfChild implements Callable<Integer> {
    static final String NAME = "as-of-child";
    static final String RESULT = "as-of-result";

    @Option(names = "--jdbc-url", required = true, description = "the store to replay")
    String jdbcUrl;

    @Override
    public Integer call() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        AtomicLong debtors = new AtomicLong();
        long started = System.nanoTime();
        AsOfFold fold = new AsOfReports()
                .fold(dataSource, null, null, position -> debtors.incrementAndGet(), EventStoreReader.NO_PROGRESS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeapBytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeapBytes += pool.getPeakUsage().getUsed();
            }
        }
        // the trial balance is zero and every cell checks its own identity as it is made
        long balanceCents = fold.trialBalance().stream()
                .mapToLong(TrialBalanceRow::balanceCents)
                .sum();
        long cells = fold.reconciliation().stream()
                .map(ReconciliationCell::participantId)
                .count();
        System.out.println(RESULT + " events=" + fold.factsSeen() + " seconds=" + seconds + " peakHeapBytes="
                + peakHeapBytes + " maxHeapBytes=" + Runtime.getRuntime().maxMemory() + " debtors=" + debtors.get()
                + " reconciles=" + (balanceCents == 0 && cells > 0));
        return 0;
    }
}
