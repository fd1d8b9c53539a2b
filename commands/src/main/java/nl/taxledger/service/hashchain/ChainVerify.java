package nl.taxledger.service.hashchain;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Verify inside the service (issue 16): the chain checks of {@code replay-tools verify --anchor} ({@link
 * ChainVerification}, the same code) against the service's own database and anchor directory. One verify at a time:
 * it reads every row of the store, so a second request while one runs is refused rather than queued.
 */
@Component
public class ChainVerify {
    /** Findings listed in an answer; more are counted. */
    static final int FINDINGS_LISTED = 100;

    private final DataSource dataSource;
    private final ChainAnchors anchors;
    private final Semaphore oneAtATime = new Semaphore(1);

    ChainVerify(DataSource dataSource, ChainAnchors anchors) {
        this.dataSource = dataSource;
        this.anchors = anchors;
    }

    /**
     * What a verify found.
     *
     * @param ok                  no finding at all
     * @param linksChecked        links of the ledger chain recomputed (0 for a store from before it)
     * @param legacyLinksChecked  links of the old event hash chain recomputed (events up to the chain's origin)
     * @param firstBroken         where the first finding is (e.g. {@code global position 17}); null when ok
     * @param findings            the first {@value #FINDINGS_LISTED} findings, in the order found
     * @param durationMs          how long the verify took
     */
    public record VerifyResult(
            boolean ok,
            long linksChecked,
            long headPosition,
            String headHash,
            long events,
            long snapshots,
            long commands,
            long legacyLinksChecked,
            int anchorsChecked,
            int anchorsMatched,
            long findingsCount,
            String firstBroken,
            List<Findings.Finding> findings,
            Instant verifiedAt,
            long durationMs) {}

    /** Runs verify now; refused (409) while another verify runs. */
    public VerifyResult verify() {
        if (!oneAtATime.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a verify is already running; try again later");
        }
        try {
            List<Anchors.Anchor> anchored =
                    Files.isDirectory(anchors.directory()) ? Anchors.read(List.of(anchors.directory())) : List.of();
            long startNanos = System.nanoTime();
            Instant verifiedAt = Instant.now();
            ChainVerification.Report report = ChainVerification.verify(
                    dataSource, anchored, ChainVerification.PENDING_WINDOW, new Findings(FINDINGS_LISTED));
            return outcome(
                    report,
                    verifiedAt,
                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("verify could not read the store", e);
        } finally {
            oneAtATime.release();
        }
    }

    private static VerifyResult outcome(ChainVerification.Report report, Instant verifiedAt, long durationMs) {
        LedgerChainVerifier.Result chain = report.chain();
        List<Findings.Finding> listed = report.findings().listed();
        return new VerifyResult(
                report.clean(),
                chain == null ? 0 : chain.links(),
                chain == null ? report.legacy().headIndex() : chain.headPosition(),
                chain == null ? report.legacy().headHash() : chain.headHash(),
                chain == null ? 0 : chain.events(),
                chain == null ? 0 : chain.snapshots(),
                chain == null ? 0 : chain.commands(),
                report.legacy().links(),
                chain == null ? 0 : chain.anchorsChecked(),
                chain == null ? 0 : chain.anchorsMatched(),
                report.findings().count(),
                listed.isEmpty() ? null : listed.get(0).where(),
                listed,
                verifiedAt,
                durationMs);
    }
}
