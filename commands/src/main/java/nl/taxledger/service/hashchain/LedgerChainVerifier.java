package nl.taxledger.service.hashchain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The new rule (V70): recomputes every link of {@code ledger_chain} from the rows it covers, in the caller's
 * read-only snapshot, in four streamed passes: the links in position order (each continues the one before, the head
 * row agrees, each anchor's hash is still there), then per table a full join of links and rows by row key (each row
 * hashes to its link; a link without row is a deletion, a row without link an insertion).
 */
public final class LedgerChainVerifier {
    /** What the origin link (position 1) records: the ledger's id and where the old rule ends. */
    public record Origin(String ledgerId, long legacyThrough, String legacyHeadHash) {}

    public record Result(
            Origin origin,
            long links,
            long headPosition,
            String headHash,
            long events,
            long snapshots,
            long prunedSnapshots,
            long commands,
            int anchorsChecked,
            int anchorsMatched) {}

    private final Findings findings;

    LedgerChainVerifier(Findings findings) {
        this.findings = findings;
    }

    Result verify(Connection connection, List<Anchors.Anchor> anchors) throws SQLException {
        Origin origin = origin(connection);
        Map<Long, List<Anchors.Anchor>> anchored = new HashMap<>();
        for (Anchors.Anchor anchor : anchors) {
            if (anchor.ledgerId() != null && !anchor.ledgerId().equals(origin.ledgerId())) {
                findings.report(
                        anchor.source(),
                        Findings.Kind.ANCHOR,
                        "the anchor names ledger " + anchor.ledgerId() + ", this database holds ledger "
                                + origin.ledgerId() + ": not the anchored ledger");
            } else {
                anchored.computeIfAbsent(anchor.position(), p -> new java.util.ArrayList<>())
                        .add(anchor);
            }
        }
        long[] walked = new long[2]; // the head's position, the anchors matched
        String headHash = walk(connection, anchored, walked);
        long headPosition = walked[0];
        for (List<Anchors.Anchor> beyond : anchored.values()) {
            for (Anchors.Anchor anchor : beyond) {
                if (anchor.position() > headPosition) {
                    findings.report(
                            anchor.source(),
                            Findings.Kind.ANCHOR,
                            "anchored position " + anchor.position() + " lies beyond the chain's head " + headPosition
                                    + ": the chain's tail was removed");
                }
            }
        }
        long events = events(connection, origin.legacyThrough());
        long[] snapshots = snapshots(connection);
        long commands = commands(connection);
        return new Result(
                origin,
                headPosition,
                headPosition,
                headHash,
                events,
                snapshots[0],
                snapshots[1],
                commands,
                anchors.size(),
                (int) walked[1]);
    }

    private Origin origin(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT source, row_key, previous_hash, hash FROM ledger_chain WHERE position = 1");
                ResultSet link = query.executeQuery()) {
            if (!link.next()) {
                findings.report("chain position 1", Findings.Kind.CHAIN_BROKEN, "the origin link is missing");
                return new Origin(null, 0, ChainLink.GENESIS);
            }
            String[] parts = link.getString("row_key").split(":", -1);
            if (!ChainLink.ORIGIN.equals(link.getString("source"))
                    || parts.length != 3
                    || !parts[1].matches("[0-9]+")) {
                findings.report("chain position 1", Findings.Kind.CHAIN_BROKEN, "position 1 is not an origin link");
                return new Origin(null, 0, ChainLink.GENESIS);
            }
            Origin origin = new Origin(parts[0], Long.parseLong(parts[1]), parts[2]);
            String expected =
                    ChainLink.linkOfOrigin(origin.ledgerId(), origin.legacyThrough(), origin.legacyHeadHash());
            if (!ChainLink.GENESIS.equals(link.getString("previous_hash"))
                    || !expected.equals(link.getString("hash"))) {
                findings.report("chain position 1", Findings.Kind.CHAIN_BROKEN, "the origin link was altered");
            }
            return origin;
        }
    }

    /** Positions 1..n without a hole, each continuing the hash before it; anchors compared on the way. */
    private String walk(Connection connection, Map<Long, List<Anchors.Anchor>> anchored, long[] lastPosition)
            throws SQLException {
        String previous = ChainLink.GENESIS;
        long expected = 1;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT position, previous_hash, hash FROM ledger_chain ORDER BY position")) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            try (ResultSet links = query.executeQuery()) {
                while (links.next()) {
                    long position = links.getLong(1);
                    if (position != expected) {
                        findings.report(
                                "chain position " + expected,
                                Findings.Kind.CHAIN_BROKEN,
                                "links " + expected + ".." + (position - 1) + " are missing");
                    }
                    if (!previous.equals(links.getString(2))) {
                        findings.report(
                                "chain position " + position,
                                Findings.Kind.CHAIN_BROKEN,
                                "link does not continue the hash of the link before it");
                    }
                    previous = links.getString(3);
                    for (Anchors.Anchor anchor : anchored.getOrDefault(position, List.of())) {
                        if (anchor.hash().equals(previous)) {
                            lastPosition[1]++;
                        } else {
                            findings.report(
                                    anchor.source(),
                                    Findings.Kind.ANCHOR,
                                    "the chain has " + previous
                                            + " at position " + position + ", the anchor " + anchor.hash()
                                            + ": the chain no longer extends the anchored head");
                        }
                    }
                    lastPosition[0] = position;
                    expected = position + 1;
                }
            }
        }
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT position, hash FROM ledger_chain_head WHERE id = 1");
                ResultSet head = query.executeQuery()) {
            if (!head.next()
                    || head.getLong(1) != lastPosition[0]
                    || !head.getString(2).equals(previous)) {
                findings.report("chain head", Findings.Kind.CHAIN_BROKEN, "ledger_chain_head is not the last link");
            }
        }
        return previous;
    }

    private long events(Connection connection, long legacyThrough) throws SQLException {
        String sql = "SELECT l.position, l.previous_hash, l.hash, l.row_key, e.* FROM"
                + " (SELECT position, previous_hash, hash, row_key FROM ledger_chain WHERE source = 'EVENT') l"
                + " FULL JOIN (SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE globalindex > ?) e"
                + " ON e.globalindex::text = l.row_key ORDER BY e.globalindex NULLS LAST, l.row_key, l.position";
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            query.setLong(1, legacyThrough);
            try (ResultSet joined = query.executeQuery()) {
                while (joined.next()) {
                    boolean linked = joined.getString("row_key") != null;
                    joined.getLong("globalindex");
                    boolean stored = !joined.wasNull();
                    if (!stored) {
                        findings.report(
                                "global position " + joined.getString("row_key"),
                                Findings.Kind.DELETED,
                                "the chain has an event here (chain position " + joined.getLong("position")
                                        + "), the row is missing");
                        continue;
                    }
                    rows++;
                    StoredEvent row = StoredEvent.read(joined);
                    String what = row.payloadType() + ", aggregate " + row.aggregateIdentifier() + " #"
                            + row.sequenceNumber();
                    if (!linked) {
                        findings.report(
                                "global position " + row.globalIndex(),
                                Findings.Kind.INSERTED,
                                "row no link covers (" + what + ")");
                    } else if (!ChainLink.linkOfEvent(
                                    joined.getString("previous_hash"), joined.getLong("position"), row)
                            .equals(joined.getString("hash"))) {
                        findings.report(
                                "global position " + row.globalIndex(),
                                Findings.Kind.EDITED,
                                "row does not match its link at chain position " + joined.getLong("position") + " ("
                                        + what + ")");
                    }
                }
            }
        }
        return rows;
    }

    /** Snapshots: [stored, pruned]. A missing snapshot is pruned, not tampering: Axon deletes superseded ones. */
    private long[] snapshots(Connection connection) throws SQLException {
        String sql = "SELECT l.position, l.previous_hash, l.hash, l.row_key, s.* FROM"
                + " (SELECT position, previous_hash, hash, row_key FROM ledger_chain WHERE source = 'SNAPSHOT') l"
                + " FULL JOIN (SELECT " + StoredSnapshot.COLUMNS + " FROM snapshotevententry) s"
                + " ON s.eventidentifier = l.row_key ORDER BY l.position NULLS LAST, s.eventidentifier";
        long[] counts = new long[2];
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            try (ResultSet joined = query.executeQuery()) {
                while (joined.next()) {
                    if (joined.getString("eventidentifier") == null) {
                        counts[1]++;
                        continue;
                    }
                    counts[0]++;
                    StoredSnapshot row = StoredSnapshot.read(joined);
                    String where = "snapshot " + row.aggregateIdentifier() + " #" + row.sequenceNumber();
                    if (joined.getString("row_key") == null) {
                        findings.report(where, Findings.Kind.INSERTED, "snapshot no link covers");
                    } else if (!ChainLink.linkOfSnapshot(
                                    joined.getString("previous_hash"), joined.getLong("position"), row)
                            .equals(joined.getString("hash"))) {
                        findings.report(
                                where,
                                Findings.Kind.EDITED,
                                "snapshot does not match its link at chain position " + joined.getLong("position"));
                    }
                }
            }
        }
        return counts;
    }

    private long commands(Connection connection) throws SQLException {
        String sql = "SELECT l.position, l.previous_hash, l.hash, l.row_key, c.* FROM"
                + " (SELECT position, previous_hash, hash, row_key FROM ledger_chain WHERE source = 'COMMAND') l"
                + " FULL JOIN (SELECT " + StoredCommand.COLUMNS + " FROM command_log) c"
                + " ON c.command_id = l.row_key ORDER BY l.position NULLS LAST, c.command_id";
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            try (ResultSet joined = query.executeQuery()) {
                while (joined.next()) {
                    String commandId = joined.getString("command_id");
                    if (commandId == null) {
                        findings.report(
                                "command log " + joined.getString("row_key"),
                                Findings.Kind.DELETED,
                                "the chain has this command's record (chain position " + joined.getLong("position")
                                        + "), the row is missing");
                        continue;
                    }
                    rows++;
                    StoredCommand row = StoredCommand.read(joined);
                    if (joined.getString("row_key") == null) {
                        findings.report("command log " + commandId, Findings.Kind.INSERTED, "record no link covers");
                    } else if (!ChainLink.linkOfCommand(
                                    joined.getString("previous_hash"), joined.getLong("position"), row)
                            .equals(joined.getString("hash"))) {
                        findings.report(
                                "command log " + commandId,
                                Findings.Kind.EDITED,
                                "record does not match its link at chain position " + joined.getLong("position"));
                    }
                }
            }
        }
        return rows;
    }
}
