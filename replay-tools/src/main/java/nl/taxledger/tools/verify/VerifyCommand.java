package nl.taxledger.tools.verify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.taxledger.service.eventstore.JdbcEventStoreConfiguration;
import nl.taxledger.service.hashchain.Anchors;
import nl.taxledger.service.hashchain.ChainVerification;
import nl.taxledger.service.hashchain.ChainVerifier;
import nl.taxledger.service.hashchain.Findings;
import nl.taxledger.service.hashchain.LedgerChainVerifier;
import nl.taxledger.tools.store.OpenStore;
import nl.taxledger.tools.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay-tools verify}: tamper evidence over the event store and command log, anchors, and the identities. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recomputes every link of the ledger chain (events, snapshots, command log) and of the old event hash",
            "chain from the stored rows; reports every edited, deleted or inserted row; with --anchor, fails when the",
            "chain no longer has an anchored hash at its position; then re-checks the reconciliation identities over",
            "the full history. Exit 0: no findings; 1: findings (or the store could not be read)."
        })
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(
            names = "--pending-window-ms",
            defaultValue = "" + JdbcEventStoreConfiguration.GAP_TIMEOUT_MINUTES * 60_000L,
            description = "old rule only: rows after the old chain's head younger than this were still waiting to be"
                    + " chained (default: the gap timeout, ${DEFAULT-VALUE} ms)")
    long pendingWindowMs;

    @Option(
            names = "--anchor",
            paramLabel = "FILE|DIR",
            description = "anchor file (JSON lines: position, hash, optional ledger), or a directory of *.anchors"
                    + " files (e.g. ./data/anchors); repeatable")
    List<Path> anchorPaths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        List<Anchors.Anchor> anchors = Anchors.read(anchorPaths);
        try (OpenStore open = store.open()) {
            ChainVerification.Report report = ChainVerification.verify(
                    open.dataSource(), anchors, Duration.ofMillis(pendingWindowMs), new Findings());
            IdentityCheck.Outcome identities = new IdentityCheck().run(open.dataSource());
            print(out, report.chain(), report.legacy(), report.findings(), identities);
            out.flush();
            return report.clean() && identities.problems().isEmpty() ? 0 : 1;
        }
    }

    private static void print(
            PrintWriter out,
            LedgerChainVerifier.Result chain,
            ChainVerifier.Result legacy,
            Findings findings,
            IdentityCheck.Outcome identities) {
        if (chain != null) {
            out.printf(
                    "ledger chain: ledger %s, %d links, head %d %s%n",
                    chain.origin().ledgerId(), chain.links(), chain.headPosition(), chain.headHash());
            out.printf(
                    "  covers: %d events after global index %d, %d snapshots (%d pruned), %d command-log records%n",
                    chain.events(),
                    chain.origin().legacyThrough(),
                    chain.snapshots(),
                    chain.prunedSnapshots(),
                    chain.commands());
            out.printf("anchors: %d checked, %d matched%n", chain.anchorsChecked(), chain.anchorsMatched());
        }
        out.printf(
                "old hash chain (events up to the origin): %d links (%d gaps), head %d %s%n",
                legacy.links(), legacy.gapLinks(), legacy.headIndex(), legacy.headHash());
        out.printf(
                "old-rule event rows: %d (%d after its head, waiting to be chained)%n",
                legacy.rows(), legacy.pendingRows());
        for (Findings.Finding finding : findings.listed()) {
            out.printf("%-12s at %s: %s%n", finding.kind(), finding.where(), finding.detail());
        }
        if (findings.count() > findings.listed().size()) {
            out.printf(
                    "... and %d more findings%n",
                    findings.count() - findings.listed().size());
        }
        for (String problem : identities.problems()) {
            out.printf("IDENTITY     %s%n", problem);
        }
        out.printf(
                "reconciliation identities: %s (%s)%n",
                identities.problems().isEmpty() ? "hold" : "VIOLATED", identities.summary());
        long total = findings.count() + identities.problems().size();
        out.printf("verify: %s%n", total == 0 ? "OK, no findings" : total + " finding" + (total == 1 ? "" : "s"));
    }
}
