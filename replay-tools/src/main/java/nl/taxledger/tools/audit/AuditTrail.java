package nl.taxledger.tools.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.service.asof.EventStoreReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every stored fact about one debtor, in global order: the debtor account's events, plus the suspense history
 * (UnmatchedPayment aggregate) of every payment that was assigned to the debtor. Read from
 * {@code domainevententry} as stored, in one read-only snapshot; metadata is the JSON Axon's Jackson3Serializer
 * wrote (who, why, source, commandId). Each payload is read as the fact it records, which answers which debtor it is
 * about and its effective and booking date ({@link LedgerFact}); the stored payload is shown as stored.
 */
final class AuditTrail {
    static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, payloadtype, "
            + "payloadrevision, payload, metadata, timestamp";

    record Fact(long globalIndex, String recordedAt, String eventType, String aggregateId, long sequenceNumber,
                String effectiveDate, String bookingDate, String who, String why, String source, String commandId,
                String payloadJson) {
    }

    /** A stored row read as the fact it records. */
    private record Stored(Fact row, LedgerFact fact) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventStoreReader reader = new EventStoreReader();

    List<Fact> of(DataSource dataSource, String debtorId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                TreeMap<Long, Fact> facts = new TreeMap<>();
                Set<String> suspensePayments = new TreeSet<>();
                // the byte search only narrows the scan; each candidate's debtorId is checked on the parsed JSON
                byte[] debtorField = ("\"debtorId\":" + json.writeValueAsString(debtorId)).getBytes(StandardCharsets.UTF_8);
                read(connection, "SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ?"
                        + " OR position(? IN payload) > 0", statement -> {
                            statement.setString(1, debtorId);
                            statement.setBytes(2, debtorField);
                        }, stored -> {
                            boolean ownAggregate = stored.row().aggregateId().equals(debtorId);
                            if (ownAggregate || stored.fact().debtor().filter(debtorId::equals).isPresent()) {
                                facts.put(stored.row().globalIndex(), stored.row());
                                if (!ownAggregate && stored.fact() instanceof UnmatchedPaymentAssigned) {
                                    suspensePayments.add(stored.row().aggregateId());
                                }
                            }
                        });
                for (String paymentId : suspensePayments) {
                    read(connection, "SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ?",
                            statement -> statement.setString(1, paymentId),
                            stored -> facts.put(stored.row().globalIndex(), stored.row()));
                }
                return new ArrayList<>(facts.values());
            } finally {
                connection.rollback();
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Sink {
        void accept(Stored stored);
    }

    private void read(Connection connection, String sql, Binder binder, Sink sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(stored(rows));
                }
            }
        }
    }

    private Stored stored(ResultSet row) throws SQLException {
        long globalIndex = row.getLong("globalindex");
        byte[] payload = row.getBytes("payload");
        LedgerFact fact = reader.deserialize(globalIndex, row.getString("payloadtype"),
                row.getString("payloadrevision"), payload);
        byte[] metadataBytes = row.getBytes("metadata");
        JsonNode metadata = metadataBytes == null ? json.createObjectNode() : json.readTree(metadataBytes);
        Fact shown = new Fact(globalIndex, row.getString("timestamp"), fact.getClass().getSimpleName(),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), fact.effectiveDate().toString(),
                fact.bookingDate().toString(), metadata.path("who").asString(null), metadata.path("why").asString(null),
                metadata.path("source").asString(null), metadata.path("commandId").asString(null),
                new String(payload, StandardCharsets.UTF_8));
        return new Stored(shown, fact);
    }
}
