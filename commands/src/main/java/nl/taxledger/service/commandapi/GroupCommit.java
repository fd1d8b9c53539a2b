package nl.taxledger.service.commandapi;

import java.util.function.Supplier;
import nl.taxledger.service.aggregates.GroupLines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit for the imports (issue 14, docs/design.md "Group commit"): many lines of an NDJSON import or a bank
 * statement share one PostgreSQL transaction, so the commit (its fsync, and the hash chain's deferred triggers that
 * serialise commits at the chain head) is paid once per group instead of once per line. Each line runs in its own
 * savepoint: a line that fails is rolled back to it alone, and the group goes on. The command path is unchanged: its
 * transaction, and Axon's unit of work through Spring's transaction manager, join the group's transaction (neither
 * commits nor rolls back a transaction it joined), so a line's idempotency record is in the group's transaction.
 *
 * <p>A group closes at {@code ledger.import.group-size} lines or {@code ledger.import.group-max-ms} after its first
 * line, whichever comes first; the caller may close it earlier (before it blocks on reading its input). The caller
 * answers a line only after its group committed.
 */
@Component
public class GroupCommit {
    /** Bounds on the settings: a group holds its locks and its lines' answers until it commits. */
    static final int MAX_GROUP_SIZE = 10_000;

    static final long MAX_GROUP_MS = 10_000;
    /**
     * The default time limit of a group. 250 ms, not the 50 ms first chosen: at an import's pace a 50 ms group closed
     * after 10–20 lines, and the commits, token updates and read-side batches per group cost a third of the import
     * (BENCHMARKS.md: 2,000-debtor bench, one run each, batch import 258 → 371 events/s, statement import 292 → 343 /s). A line's
     * answer may wait that much longer, and a single command on a debtor in an open group waits for its commit.
     */
    static final long DEFAULT_GROUP_MS = 250;
    /** A group whose commit failed for its timing only (a deadlock, a serialisation failure) runs again, this often. */
    public static final int MAX_GROUP_ATTEMPTS = 3;

    private final PlatformTransactionManager transactions;
    private final int groupSize;
    private final long groupMaxMs;

    public GroupCommit(
            PlatformTransactionManager transactions,
            @Value("${ledger.import.group-size:500}") int groupSize,
            @Value("${ledger.import.group-max-ms:" + DEFAULT_GROUP_MS + "}") long groupMaxMs) {
        if (groupSize < 1 || groupSize > MAX_GROUP_SIZE) {
            throw new IllegalArgumentException("ledger.import.group-size must be in 1.." + MAX_GROUP_SIZE);
        }
        if (groupMaxMs < 0 || groupMaxMs > MAX_GROUP_MS) {
            throw new IllegalArgumentException("ledger.import.group-max-ms must be in 0.." + MAX_GROUP_MS);
        }
        this.transactions = transactions;
        this.groupSize = groupSize;
        this.groupMaxMs = groupMaxMs;
    }

    /** A group on this thread; its transaction starts with its first line. Close it (rolls back what is open). */
    public Group open() {
        return new Group();
    }

    /** A failure that says nothing about the work, only about its timing: the same work may be run again. */
    public static boolean isTransient(Throwable failure) {
        return CommandLocks.isTransient(failure);
    }

    /** The group's transaction could not go on (a savepoint could not be rolled back to): it was rolled back whole. */
    public static final class GroupBroken extends RuntimeException {
        GroupBroken(RuntimeException cause) {
            super("the group's transaction could not go on and was rolled back: " + cause.getMessage(), cause);
        }
    }

    /** The lines between two commits, on one thread. */
    public final class Group implements AutoCloseable {
        private TransactionStatus status;
        private long startedNanos;
        private int lines;

        private Group() {}

        /**
         * Runs {@code work} as one line of the group, in its own savepoint. If it throws, the line is rolled back to
         * its savepoint alone (with the aggregate-cache entries it wrote, {@link GroupLines}) and the exception is
         * thrown on; the lines before it stay in the group.
         */
        public <T> T line(Supplier<T> work) {
            if (status == null) {
                begin();
            }
            Object savepoint = status.createSavepoint();
            GroupLines.begin();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                GroupLines.rolledBack();
                try {
                    undo(savepoint);
                } catch (GroupBroken broken) {
                    broken.addSuppressed(failure);
                    throw broken;
                }
                throw failure;
            }
            try {
                status.releaseSavepoint(savepoint);
            } catch (RuntimeException failure) {
                GroupLines.rolledBack();
                rollback();
                throw new GroupBroken(failure);
            }
            GroupLines.released();
            lines++;
            return result;
        }

        /** The group has reached its size or its time limit: the caller commits it before the next line. */
        public boolean full() {
            return status != null
                    && (lines >= groupSize || (System.nanoTime() - startedNanos) / 1_000_000 >= groupMaxMs);
        }

        /** Lines stored in the open group so far. */
        public int lines() {
            return lines;
        }

        /**
         * Commits the open group, if any. On failure the whole group is rolled back (the aggregate cache drops what it
         * put, {@code TransactionalAggregateCache}) and the failure is thrown: none of its lines is stored.
         */
        public void commit() {
            if (status == null) {
                return;
            }
            TransactionStatus committing = status;
            status = null;
            lines = 0;
            transactions.commit(committing);
        }

        /** Rolls the open group back, if any: none of its lines is stored. */
        public void rollback() {
            if (status == null) {
                return;
            }
            TransactionStatus rollingBack = status;
            status = null;
            lines = 0;
            if (!rollingBack.isCompleted()) {
                transactions.rollback(rollingBack);
            }
        }

        @Override
        public void close() {
            rollback();
        }

        private void begin() {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("a group commits its own transaction; one is already open here");
            }
            status = transactions.getTransaction(new DefaultTransactionDefinition());
            startedNanos = System.nanoTime();
        }

        /** Back to the line's savepoint; this also clears the rollback-only mark the failed line's work left. */
        private void undo(Object savepoint) {
            try {
                status.rollbackToSavepoint(savepoint);
            } catch (RuntimeException broken) {
                rollback();
                throw new GroupBroken(broken);
            }
        }
    }
}
