package nl.taxledger.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What PostgreSQL itself does on this machine in this run, the yardsticks for the ledger's figures:
 * a batched INSERT of rows shaped like {@code domainevententry} into a scratch table, and a sequential read
 * of {@code domainevententry} with a JSON parse of every payload.
 */
final class RawBaselines {
    static final int INSERT_BATCH_ROWS = 500;
    static final int SAMPLE_ROWS = 1_000;
    static final int FETCH_ROWS = 1_000;

    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().build();

    RawBaselines(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record Row(String aggregateId, String type, byte[] metadata, byte[] payload, String revision, String payloadType,
                       String timestamp) {
    }

    /** Rows per second of batched INSERTs (a commit per batch) of {@code rows} copies of stored events. */
    double insertRowsPerSecond(int rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> sample = sample(connection);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_raw_event");
                ddl.execute("CREATE TABLE bench_raw_event (LIKE domainevententry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_event (globalindex,"
                    + " aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                    + " payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Row row = sample.get(i % sample.size());
                    insert.setLong(1, i + 1L);
                    insert.setString(2, row.aggregateId());
                    insert.setLong(3, i); // unique with the aggregate id: the copies must not collide
                    insert.setString(4, row.type());
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.setBytes(6, row.metadata());
                    insert.setBytes(7, row.payload());
                    insert.setString(8, row.revision());
                    insert.setString(9, row.payloadType());
                    insert.setString(10, row.timestamp());
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH_ROWS == 0 || i == rows - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_raw_event");
            }
            return rows / seconds;
        }
    }

    /**
     * Latency of one row INSERTed and committed on its own: the floor of a one-transaction-per-command
     * path. Returns nanoseconds per row in a histogram.
     */
    Histogram committedInsertNanos(int rows) throws SQLException {
        Histogram latencies = Throughput.newHistogram();
        try (Connection connection = dataSource.getConnection()) {
            List<Row> sample = sample(connection);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_raw_event");
                ddl.execute("CREATE TABLE bench_raw_event (LIKE domainevententry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_event (globalindex,"
                    + " aggregateidentifier, sequencenumber, eventidentifier, payload, payloadtype, timestamp)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Row row = sample.get(i % sample.size());
                    long started = System.nanoTime();
                    insert.setLong(1, i + 1L);
                    insert.setString(2, row.aggregateId());
                    insert.setLong(3, i);
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, row.payload());
                    insert.setString(6, row.payloadType());
                    insert.setString(7, row.timestamp());
                    insert.executeUpdate(); // autocommit: one transaction per row
                    Throughput.record(latencies, System.nanoTime() - started);
                }
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_raw_event");
            }
        }
        return latencies;
    }

    private static List<Row> sample(Connection connection) throws SQLException {
        List<Row> sample = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT aggregateidentifier, type, metadata, payload, payloadrevision,"
                     + " payloadtype, timestamp FROM domainevententry ORDER BY globalindex LIMIT " + SAMPLE_ROWS)) {
            while (rows.next()) {
                sample.add(new Row(rows.getString(1), rows.getString(2), rows.getBytes(3), rows.getBytes(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        if (sample.isEmpty()) {
            throw new IllegalStateException("no stored events to shape the raw insert baseline on");
        }
        return sample;
    }

    /** Events per second of reading all of domainevententry in order and parsing every payload as JSON. */
    double readAndParseEventsPerSecond() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // the driver streams in batches of the fetch size only inside a transaction
            long started = System.nanoTime();
            long events = 0;
            long fields = 0;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT globalindex, payloadtype, payloadrevision, payload FROM domainevententry ORDER BY globalindex")) {
                query.setFetchSize(FETCH_ROWS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getString(2);
                        rows.getString(3);
                        JsonNode payload = json.readTree(rows.getBytes(4));
                        fields += payload.size();
                        events++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (fields == 0) {
                throw new IllegalStateException("parsed no payload fields: the baseline read nothing");
            }
            return events / ((System.nanoTime() - started) / 1e9);
        }
    }
}
