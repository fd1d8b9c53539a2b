package nl.taxledger.service.eventstore;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Calls a failed append a duplicate (a concurrent write to the same aggregate) only when PostgreSQL reports a
 * unique violation, SQL state 23505.
 *
 * <p>Axon's default resolver treats any failed JDBC batch as a duplicate, so a missing table or a too long
 * column surfaced as "Cannot reuse aggregate identifier" and sent people looking for the wrong problem.
 */
final class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable current = exception;
        while (current != null && seen.add(current)) {
            if (current instanceof SQLException sql && hasUniqueViolation(sql)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    /** A batch failure carries the statement's own error in its chain of "next" exceptions. */
    private static boolean hasUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
