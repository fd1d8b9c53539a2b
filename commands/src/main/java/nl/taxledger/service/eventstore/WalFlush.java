package nl.taxledger.service.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Waiting for the WAL flush apart from the commit (CommandService: a command commits with {@code synchronous_commit}
 * off, so the ledger chain's head is not held through its flush, then waits here before it answers). The wait is a
 * WAL record written and flushed after the commit's own record: WAL is flushed in order, so when it returns every
 * commit before it is on disk. PostgreSQL has the flushing form of {@code pg_logical_emit_message} from version 17
 * (the embedded server); on an older server given by {@code spring.datasource.url} commits keep waiting for their
 * own flush and {@link #flush()} has nothing to do.
 */
@Component
public class WalFlush {
    private static final int FIRST_VERSION_WITH_FLUSH = 170_000;
    private final JdbcTemplate jdbc;
    private volatile Boolean shared;

    WalFlush(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a commit may skip its own flush because {@link #flush()} makes it durable afterwards. */
    public boolean shared() {
        Boolean known = shared;
        if (known == null) {
            Integer version = jdbc.queryForObject("SELECT current_setting('server_version_num')::int", Integer.class);
            known = version != null && version >= FIRST_VERSION_WITH_FLUSH;
            shared = known;
        }
        return known;
    }

    /** Returns once everything committed before the call is on disk. */
    public void flush() {
        if (shared()) {
            jdbc.queryForObject("SELECT pg_logical_emit_message(false, 'ledger-flush', '', true)::text", String.class);
        }
    }
}
