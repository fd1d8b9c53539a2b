package nl.taxledger.service.hashchain;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code command_log} (the idempotency record) exactly as stored: every column a link of the ledger
 * chain covers. The jsonb result as PostgreSQL prints it (jsonb keeps one normal form, so the text is stable), the
 * time as microseconds since 1970 (the precision PostgreSQL keeps), so no time zone setting changes the bytes.
 */
public record StoredCommand(
        String commandId,
        String commandType,
        String requestSha256,
        String resultType,
        String result,
        long recordedAtMicros) {

    /** The columns {@link #read} expects, in a SELECT list. */
    public static final String COLUMNS =
            "command_id, command_type, request_sha256, result_type, result::text AS result,"
                    + " (extract(epoch FROM recorded_at) * 1000000)::bigint AS recorded_at_micros";

    public static StoredCommand read(ResultSet row) throws SQLException {
        return new StoredCommand(
                row.getString("command_id"),
                row.getString("command_type"),
                row.getString("request_sha256"),
                row.getString("result_type"),
                row.getString("result"),
                row.getLong("recorded_at_micros"));
    }
}
