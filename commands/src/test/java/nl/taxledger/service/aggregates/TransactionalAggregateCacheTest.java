package nl.taxledger.service.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The aggregate cache holds committed state only; one rule per test. */
class TransactionalAggregateCacheTest {

    private final TransactionalAggregateCache cache = new TransactionalAggregateCache(10);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outside_a_transaction_a_put_is_there_at_once() {
        cache.put("S1", "state 1");

        assertThat(cache.<String, String>get("S1")).isEqualTo("state 1");
    }

    @Test
    void inside_a_transaction_a_put_takes_the_old_entry_out_until_the_commit() {
        cache.put("S1", "state 1");
        begin();

        cache.put("S1", "state 2");
        assertThat(cache.<String, String>get("S1")).as("while the transaction is open").isNull();
        complete(end(), TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.<String, String>get("S1")).isEqualTo("state 2");
    }

    @Test
    void a_put_of_a_transaction_that_rolled_back_leaves_no_entry() {
        cache.put("S1", "state 1");
        begin();

        cache.put("S1", "state 2 never stored");
        complete(end(), TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("S1")).isFalse();
    }

    @Test
    void a_commit_that_reports_late_does_not_overwrite_a_newer_put() {
        begin();
        cache.put("S1", "state 1");
        List<TransactionSynchronization> first = end();
        begin();
        cache.put("S1", "state 2");
        List<TransactionSynchronization> second = end();

        complete(second, TransactionSynchronization.STATUS_COMMITTED);
        complete(first, TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.<String, String>get("S1")).isEqualTo("state 2");
    }

    @Test
    void a_rollback_removes_the_entry() {
        cache.put("S1", "state 1");

        assertThat(cache.remove("S1")).isTrue();
        assertThat(cache.containsKey("S1")).isFalse();
    }

    @Test
    void the_least_recently_used_entries_go_when_the_cache_is_full() {
        TransactionalAggregateCache small = new TransactionalAggregateCache(2);
        for (int i = 0; i < 1_000; i++) {
            small.put("S" + i, "state");
        }
        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> small.containsKey("S" + i)).count();

        // Caffeine evicts asynchronously and may briefly hold a few more than its bound
        assertThat(kept).isLessThan(1_000);
    }

    private static void begin() {
        TransactionSynchronizationManager.initSynchronization();
    }

    /** The synchronizations the transaction registered; the thread is free for the next one. */
    private static List<TransactionSynchronization> end() {
        List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        return registered;
    }

    /** What Spring does at the end of a transaction: the synchronizations registered in it see the outcome. */
    private static void complete(List<TransactionSynchronization> registered, int status) {
        registered.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
