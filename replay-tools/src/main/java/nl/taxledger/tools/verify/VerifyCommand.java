package nl.taxledger.tools.verify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.taxledger.service.hashchain.ChainLink;
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
            defaultValue = "1800000",
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
            Findings findings = new Findings();
            LedgerChainVerifier.Result chain;
            ChainVerifier.Result legacy;
            try (Connection connection = open.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (Statement snapshot = connection.createStatement()) {
                    snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                try {
                    chain = hasLedgerChain(connection)
                            ? new LedgerChainVerifier(findings).verify(connection, anchors)
                            : null;
                    long legacyThrough =
                            chain == null ? Long.MAX_VALUE : chain.origin().legacyThrough();
                    legacy = new ChainVerifier(findings)
                            .verify(connection, legacyThrough, Instant.now(), Duration.ofMillis(pendingWindowMs));
                } finally {
                    connection.rollback();
                }
            }
            if (chain != null) {
                checkOriginContinuesOldChain(chain.origin(), legacy, findings);
            } else if (!anchors.isEmpty()) {
                findings.report("store", Findings.Kind.ANCHOR, "a store without the ledger chain cannot be anchored");
            }
            IdentityCheck.Outcome identities = new IdentityCheck().run(open.dataSource());
            print(out, chain, legacy, findings, identities);
            out.flush();
            return findings.count() == 0 && identities.problems().isEmpty() ? 0 : 1;
        }
    }

    private static boolean hasLedgerChain(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass('ledger_chain') IS NOT NULL");
                ResultSet answer = query.executeQuery()) {
            return answer.next() && answer.getBoolean(1);
        }
    }

    /** The origin must name the old chain's head as it is recomputed now, or the old part was rewritten. */
    private static void checkOriginContinuesOldChain(
            LedgerChainVerifier.Origin origin, ChainVerifier.Result legacy, Findings findings) {
        if (origin.ledgerId() == null) {
            return; // already reported
        }
        boolean none = origin.legacyThrough() == 0 && ChainLink.GENESIS.equals(origin.legacyHeadHash());
        if (none
                ? legacy.links() != 0
                : legacy.headIndex() != origin.legacyThrough()
                        || !legacy.headHash().equals(origin.legacyHeadHash())) {
            findings.report(
                    "chain position 1",
                    Findings.Kind.CHAIN_BROKEN,
                    "the origin records the old chain's head"
                            + " as " + origin.legacyThrough() + " " + origin.legacyHeadHash()
                            + ", the old chain now ends at "
                            + legacy.headIndex() + " " + legacy.headHash());
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
            out.printf("anchors: %d checked%n", chain.anchorsChecked());
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
