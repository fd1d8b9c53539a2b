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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every stored fact about one debtor, in global order: the debtor account's events, plus the suspense history
 * (UnmatchedPayment aggregate) of every payment that was assigned to the debtor. Read from
 * {@code domainevententry} as stored, in one read-only snapshot; metadata is the JSON Axon's Jackson3Serializer
 * wrote (who, why, source, commandId).
 */
final class AuditTrail {
    static final int FETCH_SIZE = 1000;
    /** The date a fact takes effect on, by the first of these payload fields it has (domain.md §2). */
    private static final List<String> EFFECTIVE_DATE_FIELDS = List.of("valueDate", "decisionDate", "date",
            "issueDate", "from", "agreedDate", "termDueDate", "signedDate", "collectionDate", "through", "bookingDate");
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, payloadtype, payload, "
            + "metadata, timestamp";

    record Fact(long globalIndex, String recordedAt, String eventType, String aggregateId, long sequenceNumber,
                String effectiveDate, String bookingDate, String who, String why, String source, String commandId,
                String payloadJson) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

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
                        }, fact -> {
                            boolean ownAggregate = fact.aggregateId().equals(debtorId);
                            if (ownAggregate || debtorId.equals(json.readTree(fact.payloadJson()).path("debtorId").asString(null))) {
                                facts.put(fact.globalIndex(), fact);
                                if (!ownAggregate && fact.eventType().startsWith("UnmatchedPayment")) {
                                    suspensePayments.add(fact.aggregateId());
                                }
                            }
                        });
                for (String paymentId : suspensePayments) {
                    read(connection, "SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ?",
                            statement -> statement.setString(1, paymentId), fact -> facts.put(fact.globalIndex(), fact));
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
        void accept(Fact fact);
    }

    private void read(Connection connection, String sql, Binder binder, Sink sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(fact(rows));
                }
            }
        }
    }

    private Fact fact(ResultSet row) throws SQLException {
        String payloadType = row.getString("payloadtype");
        String payloadJson = new String(row.getBytes("payload"), StandardCharsets.UTF_8);
        byte[] metadataBytes = row.getBytes("metadata");
        JsonNode payload = json.readTree(payloadJson);
        JsonNode metadata = metadataBytes == null ? json.createObjectNode() : json.readTree(metadataBytes);
        return new Fact(row.getLong("globalindex"), row.getString("timestamp"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"), effectiveDate(payload), payload.path("bookingDate").asString(null),
                metadata.path("who").asString(null), metadata.path("why").asString(null),
                metadata.path("source").asString(null), metadata.path("commandId").asString(null), payloadJson);
    }

    private static String effectiveDate(JsonNode payload) {
        for (String field : EFFECTIVE_DATE_FIELDS) {
            if (payload.hasNonNull(field)) {
                return payload.get(field).asString();
            }
        }
        return null;
    }
}
