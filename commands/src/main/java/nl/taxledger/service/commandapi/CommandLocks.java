package nl.taxledger.service.commandapi;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.taxledger.ledger.api.AssignUnmatchedPayment;
import nl.taxledger.service.locks.AdvisoryLock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serialises commands on one aggregate, and the sends of one {@code commandId}, until their transaction commits:
 * PostgreSQL transaction-scoped advisory locks ({@code pg_advisory_xact_lock}), so they hold across service
 * instances and are released by the commit or rollback itself, also when the JVM dies.
 *
 * <p><b>Lock order</b> (each transaction takes its locks in this order, so two transactions never wait on each
 * other in a circle):
 * <ol>
 *   <li>the {@code commandId} (exactly one per transaction);</li>
 *   <li>the aggregates the command is routed to, in ascending order of their lock key. A command on several
 *   aggregates (a suspense assignment: the payment and the debtor) takes all of them before it loads any. A
 *   route that, decided again under the locks, names an aggregate it did not name before takes that lock out of
 *   order; if that closes a circle PostgreSQL breaks it (deadlock, SQL state 40P01) and the command is retried
 *   ({@link #isTransient});</li>
 *   <li>the closed-period lock ({@code ClosedPeriods}): shared by a booking, exclusive by a close, after every
 *   aggregate lock. A close is itself a command on the one {@code LedgerPeriods} aggregate, so two closes are
 *   serialised at step 2 before either asks for the exclusive lock;</li>
 *   <li>anything the append itself locks (event store unique keys, the hash chain).</li>
 * </ol>
 * Commands that read shared command-side state while routing name an aggregate whose lock covers that state: a
 * remittance run's approval ({@code RUN-<period end>}), a refund batch (the next batch id, so two batches never
 * collect the same waiting refunds), a remittance (the participant), a close ({@code ledger}).
 */
final class CommandLocks {
    private static final CommandTargetResolver TARGETS =
            AnnotationCommandTargetResolver.builder().build();
    /** SQL state class 40, transaction rollback: 40001 serialization failure, 40P01 deadlock detected. */
    private static final String TRANSACTION_ROLLBACK = "40";

    private final JdbcTemplate jdbc;

    CommandLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Until this transaction ends, no other transaction handles the same {@code commandId}. */
    void lockCommandId(String commandId) {
        lock(key("command", commandId));
    }

    /** Takes the aggregates' locks in ascending key order; an id locked before is taken again (re-entrant). */
    void lockAggregates(Collection<String> aggregateIds) {
        aggregateIds.stream()
                .map(id -> key("aggregate", id))
                .sorted()
                .distinct()
                .forEach(this::lock);
    }

    /** Every aggregate the Axon command loads: its target, and for a suspense assignment the debtor too. */
    static Set<String> aggregatesOf(Object command) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier());
        if (command instanceof AssignUnmatchedPayment assignment) {
            ids.add(assignment.debtorId());
        }
        return ids;
    }

    /**
     * A failure that says nothing about the command, only about its timing: a deadlock broken by PostgreSQL, or an
     * append that found its sequence number taken (a cached aggregate another instance changed since). The whole
     * transaction was rolled back, so the command can be sent again as it is.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof AxonTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith(TRANSACTION_ROLLBACK)) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private void lock(long key) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", key);
    }

    static long key(String space, String id) {
        return AdvisoryLock.key(space, id);
    }
}
