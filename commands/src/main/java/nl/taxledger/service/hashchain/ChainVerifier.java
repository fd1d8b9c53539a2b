package nl.taxledger.service.hashchain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The old rule: recomputes the hash chain of {@code event_hash_chain} from {@code domainevententry}, by a merge of
 * both tables in global order, for the events up to where the ledger chain took over (V70). Each link is checked
 * against its own stored previous hash, so one edited row is reported once, at its position, not as a break of
 * everything after it.
 */
public final class ChainVerifier {
    static final int FETCH_SIZE = 1000;

    public record Result(long links, long gapLinks, long rows, long pendingRows, long headIndex, String headHash) {}

    private record Link(long globalIndex, String kind, String previousHash, String hash) {}

    private final Findings findings;

    ChainVerifier(Findings findings) {
        this.findings = findings;
    }

    private void report(long globalIndex, Findings.Kind kind, String detail) {
        findings.report("global position " + globalIndex, kind, detail);
    }

    /**
     * The old chain over the events up to {@code legacyThrough} (where the ledger chain's origin says the old rule
     * ends; {@code Long.MAX_VALUE} for a store from before V70). Rows after the head younger than
     * {@code pendingWindow} are waiting to be chained, not findings (old rule only). Runs in the caller's snapshot.
     */
    Result verify(Connection connection, long legacyThrough, Instant now, Duration pendingWindow) throws SQLException {
        try (PreparedStatement chainQuery = connection.prepareStatement(
                        "SELECT global_index, kind, previous_hash, hash FROM event_hash_chain ORDER BY global_index");
                PreparedStatement rowQuery = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                        + " FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex")) {
            chainQuery.setFetchSize(FETCH_SIZE);
            rowQuery.setFetchSize(FETCH_SIZE);
            rowQuery.setLong(1, legacyThrough);
            try (ResultSet chain = chainQuery.executeQuery();
                    ResultSet rows = rowQuery.executeQuery()) {
                return merge(chain, rows, legacyThrough, now.minus(pendingWindow));
            }
        }
    }

    private Result merge(ResultSet chain, ResultSet rows, long legacyThrough, Instant pendingCutoff)
            throws SQLException {
        long links = 0;
        long gapLinks = 0;
        long rowCount = 0;
        long expected = 1;
        String previous = ChainLink.GENESIS;
        StoredEvent row = next(rows);
        for (Link link = nextLink(chain); link != null; link = nextLink(chain)) {
            if (link.globalIndex() > legacyThrough) {
                report(
                        link.globalIndex(),
                        Findings.Kind.CHAIN_BROKEN,
                        "old-rule link after the position where the ledger chain took over (" + legacyThrough + ")");
                continue;
            }
            if (link.globalIndex() != expected) {
                report(
                        expected,
                        Findings.Kind.CHAIN_BROKEN,
                        "links " + expected + ".." + (link.globalIndex() - 1) + " are missing");
            }
            for (; row != null && row.globalIndex() < link.globalIndex(); row = next(rows), rowCount++) {
                report(
                        row.globalIndex(),
                        Findings.Kind.INSERTED,
                        "row without a link inside the chain (" + row.payloadType() + ")");
            }
            if (!link.previousHash().equals(previous)) {
                report(
                        link.globalIndex(),
                        Findings.Kind.CHAIN_BROKEN,
                        "link does not continue the hash of the link before it");
            }
            boolean rowHere = row != null && row.globalIndex() == link.globalIndex();
            if (ChainLink.GAP.equals(link.kind())) {
                gapLinks++;
                if (rowHere) {
                    report(
                            link.globalIndex(),
                            Findings.Kind.INSERTED,
                            "row at a position chained as a permanent gap (" + row.payloadType() + ", aggregate "
                                    + row.aggregateIdentifier() + ")");
                }
                if (!ChainLink.ofGap(link.previousHash(), link.globalIndex()).equals(link.hash())) {
                    report(link.globalIndex(), Findings.Kind.CHAIN_BROKEN, "gap link altered");
                }
            } else if (!rowHere) {
                report(link.globalIndex(), Findings.Kind.DELETED, "the chain has an event here, the row is missing");
            } else if (!ChainLink.ofEvent(link.previousHash(), row).equals(link.hash())) {
                report(
                        link.globalIndex(),
                        Findings.Kind.EDITED,
                        "row does not match its link (" + row.payloadType() + ", aggregate " + row.aggregateIdentifier()
                                + " #" + row.sequenceNumber() + ")");
            }
            if (rowHere) {
                row = next(rows);
                rowCount++;
            }
            previous = link.hash();
            expected = link.globalIndex() + 1;
            links++;
        }
        long pending = 0;
        for (; row != null; row = next(rows), rowCount++) {
            if (Instant.parse(row.timestamp()).isBefore(pendingCutoff)) {
                report(
                        row.globalIndex(),
                        Findings.Kind.UNCHAINED,
                        "row after the chain's head, older than the gap" + " timeout (" + row.payloadType()
                                + "): inserted, or the chainer has not run since");
            } else {
                pending++;
            }
        }
        return new Result(links, gapLinks, rowCount, pending, expected - 1, previous);
    }

    private static Link nextLink(ResultSet chain) throws SQLException {
        return chain.next()
                ? new Link(chain.getLong(1), chain.getString(2), chain.getString(3), chain.getString(4))
                : null;
    }

    private static StoredEvent next(ResultSet rows) throws SQLException {
        return rows.next() ? StoredEvent.read(rows) : null;
    }
}
