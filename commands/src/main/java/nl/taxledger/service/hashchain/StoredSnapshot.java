package nl.taxledger.service.hashchain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code snapshotevententry} exactly as stored: every column a link of the ledger chain covers. */
public record StoredSnapshot(
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String eventIdentifier,
        byte[] metadata,
        byte[] payload,
        String payloadRevision,
        String payloadType,
        String timestamp) {

    /** The columns {@link #read} expects, in a SELECT list. */
    public static final String COLUMNS =
            "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                    + " payloadrevision, payloadtype, timestamp";

    public static StoredSnapshot read(ResultSet row) throws SQLException {
        return new StoredSnapshot(
                row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"),
                row.getString("type"),
                row.getString("eventidentifier"),
                row.getBytes("metadata"),
                row.getBytes("payload"),
                row.getString("payloadrevision"),
                row.getString("payloadtype"),
                row.getString("timestamp"));
    }
}
