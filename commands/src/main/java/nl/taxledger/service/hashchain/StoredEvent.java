package nl.taxledger.service.hashchain;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domainevententry} exactly as stored: the bytes and strings a link of the hash chain
 * covers. Read back from the table, never rebuilt from an event message, so what is hashed is what an auditor
 * (or an attacker) would see.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metadata, String aggregateIdentifier, long sequenceNumber,
                          String type, String timestamp) {

    /** The columns {@link #read} expects, in a SELECT list. */
    public static final String COLUMNS = "globalindex, eventidentifier, payloadtype, payloadrevision, payload, metadata, "
            + "aggregateidentifier, sequencenumber, type, timestamp";

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("globalindex"), row.getString("eventidentifier"),
                row.getString("payloadtype"), row.getString("payloadrevision"), row.getBytes("payload"),
                row.getBytes("metadata"), row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                row.getString("type"), row.getString("timestamp"));
    }
}
