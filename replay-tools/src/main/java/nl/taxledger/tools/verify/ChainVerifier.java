package nl.taxledger.tools.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.service.hashchain.ChainLink;
import nl.taxledger.service.hashchain.StoredEvent;

/**
 * Recomputes the hash chain from {@code domainevententry} and compares it with {@code event_hash_chain}, by a
 * merge of both tables in global order in one read-only snapshot. Each link is checked against its own stored
 * previous hash, so one edited row is reported once, at its position, not as a break of everything after it.
 */
final class ChainVerifier {
    static final int FETCH_SIZE = 1000;
    /** Findings kept for printing; more are counted but not listed, so a wrecked store cannot exhaust memory. */
    static final int MAX_LISTED_FINDINGS = 10_000;

    enum Kind {
        /** the row does not hash to its link: a stored column was changed */
        EDITED,
        /** the chain has an event link here, the row is gone */
        DELETED,
        /** a row where the chain recorded a permanent gap, or where no link exists inside the chain */
        INSERTED,
        /** the chain table itself is inconsistent (a link missing or altered) */
        CHAIN_BROKEN,
        /** a row after the chain's head that is older than the gap timeout: never chained */
        UNCHAINED
    }

    record Finding(long globalIndex, Kind kind, String detail) {
    }

    record Result(List<Finding> findings, long findingCount, long links, long gapLinks, long rows, long pendingRows,
                  long headIndex, String headHash) {
    }

    private record Link(long globalIndex, String kind, String previousHash, String hash) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private long findingCount;

    private void report(long globalIndex, Kind kind, String detail) {
        findingCount++;
        if (findings.size() < MAX_LISTED_FINDINGS) {
            findings.add(new Finding(globalIndex, kind, detail));
        }
    }

    /** Rows after the head younger than {@code pendingWindow} are waiting to be chained, not findings. */
    Result verify(Connection connection, Instant now, Duration pendingWindow) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement snapshot = connection.createStatement()) {
            snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        try (PreparedStatement chainQuery = connection.prepareStatement(
                "SELECT global_index, kind, previous_hash, hash FROM event_hash_chain ORDER BY global_index");
             PreparedStatement rowQuery = connection.prepareStatement(
                     "SELECT " + StoredEvent.COLUMNS + " FROM domainevententry ORDER BY globalindex")) {
            chainQuery.setFetchSize(FETCH_SIZE);
            rowQuery.setFetchSize(FETCH_SIZE);
            try (ResultSet chain = chainQuery.executeQuery(); ResultSet rows = rowQuery.executeQuery()) {
                return merge(chain, rows, now.minus(pendingWindow));
            }
        } finally {
            connection.rollback();
        }
    }

    private Result merge(ResultSet chain, ResultSet rows, Instant pendingCutoff) throws SQLException {
        long links = 0;
        long gapLinks = 0;
        long rowCount = 0;
        long expected = 1;
        String previous = ChainLink.GENESIS;
        StoredEvent row = next(rows);
        for (Link link = nextLink(chain); link != null; link = nextLink(chain)) {
            if (link.globalIndex() != expected) {
                report(expected, Kind.CHAIN_BROKEN, "links " + expected + ".." + (link.globalIndex() - 1) + " are missing");
            }
            for (; row != null && row.globalIndex() < link.globalIndex(); row = next(rows), rowCount++) {
                report(row.globalIndex(), Kind.INSERTED, "row without a link inside the chain (" + row.payloadType() + ")");
            }
            if (!link.previousHash().equals(previous)) {
                report(link.globalIndex(), Kind.CHAIN_BROKEN, "link does not continue the hash of the link before it");
            }
            boolean rowHere = row != null && row.globalIndex() == link.globalIndex();
            if (ChainLink.GAP.equals(link.kind())) {
                gapLinks++;
                if (rowHere) {
                    report(link.globalIndex(), Kind.INSERTED, "row at a position chained as a permanent gap ("
                            + row.payloadType() + ", aggregate " + row.aggregateIdentifier() + ")");
                }
                if (!ChainLink.ofGap(link.previousHash(), link.globalIndex()).equals(link.hash())) {
                    report(link.globalIndex(), Kind.CHAIN_BROKEN, "gap link altered");
                }
            } else if (!rowHere) {
                report(link.globalIndex(), Kind.DELETED, "the chain has an event here, the row is missing");
            } else if (!ChainLink.ofEvent(link.previousHash(), row).equals(link.hash())) {
                report(link.globalIndex(), Kind.EDITED, "row does not match its link (" + row.payloadType()
                        + ", aggregate " + row.aggregateIdentifier() + " #" + row.sequenceNumber() + ")");
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
                report(row.globalIndex(), Kind.UNCHAINED, "row after the chain's head, older than the gap timeout ("
                        + row.payloadType() + "): inserted, or the chainer has not run since");
            } else {
                pending++;
            }
        }
        return new Result(List.copyOf(findings), findingCount, links, gapLinks, rowCount, pending, expected - 1, previous);
    }

    private static Link nextLink(ResultSet chain) throws SQLException {
        return chain.next() ? new Link(chain.getLong(1), chain.getString(2), chain.getString(3), chain.getString(4)) : null;
    }

    private static StoredEvent next(ResultSet rows) throws SQLException {
        return rows.next() ? StoredEvent.read(rows) : null;
    }
}
