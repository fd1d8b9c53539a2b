package nl.taxledger.tools.verify;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import nl.taxledger.tools.store.OpenStore;
import nl.taxledger.tools.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code replay-tools verify}: tamper evidence over the event store, and the reconciliation identities. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes the hash chain over the stored events and compares it with event_hash_chain;",
                "reports every edited, deleted or inserted row with its global position, then re-checks the",
                "reconciliation identities over the full history. Exit 0: no findings; 1: findings (or the store could not be read)."})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--pending-window-ms", defaultValue = "1800000",
            description = "rows after the chain's head younger than this are still waiting to be chained"
                    + " (default: the gap timeout, ${DEFAULT-VALUE} ms)")
    long pendingWindowMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenStore open = store.open()) {
            ChainVerifier.Result chain;
            try (Connection connection = open.dataSource().getConnection()) {
                chain = new ChainVerifier().verify(connection, Instant.now(), Duration.ofMillis(pendingWindowMs));
            }
            IdentityCheck.Outcome identities = new IdentityCheck().run(open.dataSource());
            print(out, chain, identities);
            out.flush();
            return chain.findingCount() == 0 && identities.problems().isEmpty() ? 0 : 1;
        }
    }

    private static void print(PrintWriter out, ChainVerifier.Result chain, IdentityCheck.Outcome identities) {
        out.printf("hash chain: %d links (%d gaps), head %d %s%n", chain.links(), chain.gapLinks(), chain.headIndex(),
                chain.headHash());
        out.printf("event rows: %d (%d after the head, waiting to be chained)%n", chain.rows(), chain.pendingRows());
        for (ChainVerifier.Finding finding : chain.findings()) {
            out.printf("%-12s at global position %d: %s%n", finding.kind(), finding.globalIndex(), finding.detail());
        }
        if (chain.findingCount() > chain.findings().size()) {
            out.printf("... and %d more findings%n", chain.findingCount() - chain.findings().size());
        }
        for (String problem : identities.problems()) {
            out.printf("IDENTITY     %s%n", problem);
        }
        out.printf("reconciliation identities: %s (%s)%n", identities.problems().isEmpty() ? "hold" : "VIOLATED",
                identities.summary());
        long total = chain.findingCount() + identities.problems().size();
        out.printf("verify: %s%n", total == 0 ? "OK, no findings" : total + " finding" + (total == 1 ? "" : "s"));
    }
}
