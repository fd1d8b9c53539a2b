package nl.taxledger.service.hashchain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import nl.taxledger.service.eventstore.JdbcEventStoreConfiguration;

/**
 * The chain part of verify, one implementation for {@code replay-tools verify} and the service's
 * {@code GET /api/chain/verify}: recomputes every link of the ledger chain (events, snapshots, command log) and of the
 * old event hash chain from the stored rows, compares the anchors, and checks that the chain's origin continues the
 * old chain. Every pass streams its rows through a cursor ({@link ChainVerifier#FETCH_SIZE} rows at a time) inside
 * one read-only snapshot, so memory is bounded by the anchors and the listed findings, not by the chain's length.
 */
public final class ChainVerification {
    /** What the chain part of verify found. {@code chain} is null for a store from before the ledger chain (V70). */
    public record Report(LedgerChainVerifier.Result chain, ChainVerifier.Result legacy, Findings findings) {
        public boolean clean() {
            return findings.count() == 0;
        }
    }

    /**
     * The old chain's pending window: rows younger than this may still be linked by a late-committing writer. The
     * event store's gap timeout, the bound on how late a commit can be seen (JdbcEventStoreConfiguration).
     */
    public static final Duration PENDING_WINDOW = Duration.ofMinutes(JdbcEventStoreConfiguration.GAP_TIMEOUT_MINUTES);

    private ChainVerification() {}

    /** In a read-only REPEATABLE READ transaction of its own on a connection of {@code dataSource}. */
    public static Report verify(
            DataSource dataSource, List<Anchors.Anchor> anchors, Duration pendingWindow, Findings findings)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams a result set through a cursor only in a transaction
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                return verify(connection, anchors, Instant.now(), pendingWindow, findings);
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * In the caller's transaction. Rows after the old chain's head younger than {@code pendingWindow} before
     * {@code now} are waiting to be chained (old rule only), not findings.
     */
    public static Report verify(
            Connection connection, List<Anchors.Anchor> anchors, Instant now, Duration pendingWindow, Findings findings)
            throws SQLException {
        LedgerChainVerifier.Result chain =
                hasLedgerChain(connection) ? new LedgerChainVerifier(findings).verify(connection, anchors) : null;
        long legacyThrough = chain == null ? Long.MAX_VALUE : chain.origin().legacyThrough();
        ChainVerifier.Result legacy = new ChainVerifier(findings).verify(connection, legacyThrough, now, pendingWindow);
        if (chain != null) {
            checkOriginContinuesOldChain(chain.origin(), legacy, findings);
        } else if (!anchors.isEmpty()) {
            findings.report("store", Findings.Kind.ANCHOR, "a store without the ledger chain cannot be anchored");
        }
        return new Report(chain, legacy, findings);
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
}
