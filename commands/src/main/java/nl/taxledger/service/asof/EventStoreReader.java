package nl.taxledger.service.asof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.asof.FactsByDebtor;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the stored facts read-only in global order, deserialized into the event records of
 * {@code nl.taxledger.ledger.api}. Plain JDBC in one read-only, repeatable-read transaction, so a
 * replay sees one consistent snapshot while the service keeps appending, and never touches the
 * live processors' tokens. Payloads were written by Axon's Jackson3Serializer as plain JSON of the
 * record, with the class name in payloadtype and the @Revision in payloadrevision.
 */
public final class EventStoreReader {
    static final int FETCH_SIZE = 1000;
    private static final String EVENT_PACKAGE = "nl.taxledger.ledger.api.";

    /** Told the total once, then each position read, so a caller can show progress. */
    public interface Progress {
        void total(long events);

        void read(long globalIndex);
    }

    public static final Progress NO_PROGRESS = new Progress() {
        @Override
        public void total(long events) {}

        @Override
        public void read(long globalIndex) {}
    };

    /** The aggregate type Axon stores with every event of a debtor's account. */
    static final String DEBTOR_ACCOUNT = "DebtorAccount";

    private static final String COLUMNS =
            "SELECT globalindex, aggregateidentifier, payloadtype, payloadrevision, payload" + " FROM domainevententry";
    /** Participants, suspense, bank accounts, periods, runs: few, read in the order they were stored. */
    static final String SHARED_FACTS =
            COLUMNS + " WHERE type IS DISTINCT FROM '" + DEBTOR_ACCOUNT + "' ORDER BY globalindex";
    /**
     * The debtors' accounts, each in its own order; debtors in the order of {@link String#compareTo} (code points,
     * which the "C" collation's byte order of UTF-8 equals for every id without characters beyond U+FFFF; the fold
     * refuses a debtor out of order, so a difference would stop the replay, not reorder a report).
     */
    static final String DEBTOR_FACTS = COLUMNS + " WHERE type = '" + DEBTOR_ACCOUNT
            + "' ORDER BY aggregateidentifier COLLATE \"C\", sequencenumber";

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Reads every stored fact into {@code sink}, in global order; returns how many. */
    public long readAll(DataSource dataSource, Consumer<LedgerFact> sink, Progress progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                return stream(connection, sink, progress);
            } finally {
                connection.rollback(); // nothing was written; end the snapshot
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private long stream(Connection connection, Consumer<LedgerFact> sink, Progress progress) throws SQLException {
        try (Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            progress.total(rows.getLong(1));
        }
        long read = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT globalindex, payloadtype, payloadrevision,"
                + " payload FROM domainevententry ORDER BY globalindex")) {
            query.setFetchSize(FETCH_SIZE); // with autocommit off the driver streams in batches of this size
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long globalIndex = rows.getLong(1);
                    sink.accept(deserialize(globalIndex, rows.getString(2), rows.getString(3), rows.getBytes(4)));
                    read++;
                    progress.read(globalIndex);
                }
            }
        }
        return read;
    }

    /**
     * Feeds every stored fact to {@code fold} as the bounded fold takes them (issue 14): first the facts stored
     * outside the debtors' accounts in global order, then each debtor's account in its own order, debtor after
     * debtor in key order. Both reads run in one read-only, repeatable-read transaction, so they see the same
     * snapshot. Returns how many facts were read.
     */
    public long readByDebtor(DataSource dataSource, FactsByDebtor fold, Progress progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                progress.total(count(connection));
                long read = stream(
                        connection,
                        SHARED_FACTS,
                        rows -> fold.applyShared(
                                rows.getLong(1),
                                deserialize(rows.getLong(1), rows.getString(3), rows.getString(4), rows.getBytes(5))),
                        progress);
                return read
                        + stream(
                                connection,
                                DEBTOR_FACTS,
                                rows -> fold.applyDebtor(
                                        rows.getLong(1),
                                        rows.getString(2),
                                        deserialize(
                                                rows.getLong(1),
                                                rows.getString(3),
                                                rows.getString(4),
                                                rows.getBytes(5))),
                                progress);
            } finally {
                connection.rollback(); // nothing was written; end the snapshot
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    /** One row of a result set handed on; the row is only valid during the call. */
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long stream(Connection connection, String sql, RowSink sink, Progress progress) throws SQLException {
        long read = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE); // with autocommit off the driver streams in batches of this size
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows);
                    read++;
                    progress.read(rows.getLong(1));
                }
            }
        }
        return read;
    }

    /**
     * One stored payload as the fact it records; refuses a type that is no fact and a revision it cannot read.
     * An older revision reads as the current one, its added fields at their defaults, exactly as the service's
     * serializer reads it (house rule: a revision only adds nullable fields; OlderEventRevisionsTest holds each
     * one to that); a newer one, written by a later version, is refused: reading it could misread amounts.
     */
    public LedgerFact deserialize(long globalIndex, String payloadType, String revision, byte[] payload) {
        Class<? extends LedgerFact> type = eventClass(globalIndex, payloadType);
        Revision expected = type.getAnnotation(Revision.class);
        String expectedRevision = expected == null ? null : expected.value();
        if (!readable(revision, expectedRevision)) {
            throw new IllegalStateException("event " + globalIndex + ": " + payloadType + " revision " + revision
                    + " cannot be read as revision " + expectedRevision);
        }
        try {
            return mapper.readValue(payload, type);
        } catch (RuntimeException e) {
            throw new IllegalStateException("event " + globalIndex + ": cannot read " + payloadType, e);
        }
    }

    static boolean readable(String stored, String current) {
        if (stored == null || current == null) {
            return Objects.equals(stored, current);
        }
        try {
            return Integer.parseInt(stored) <= Integer.parseInt(current);
        } catch (NumberFormatException e) {
            return stored.equals(current);
        }
    }

    /** Only the ledger's own event records: stored text must not name arbitrary classes to load. */
    private static Class<? extends LedgerFact> eventClass(long globalIndex, String payloadType) {
        if (!payloadType.startsWith(EVENT_PACKAGE)) {
            throw new IllegalStateException("event " + globalIndex + ": unexpected payload type " + payloadType);
        }
        Class<?> type;
        try {
            type = Class.forName(payloadType, false, EventStoreReader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("event " + globalIndex + ": unknown payload type " + payloadType, e);
        }
        if (!LedgerFact.class.isAssignableFrom(type)) {
            throw new IllegalStateException("event " + globalIndex + ": " + payloadType + " is not a ledger fact");
        }
        return type.asSubclass(LedgerFact.class);
    }
}
