package nl.taxledger.projections.balance;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Updates that must hit exactly one row. Zero rows means the events refer to something this
 * projection never saw: a bug or a lost event, so the processor must halt rather than skip it.
 */
final class Updates {

    private Updates() {
    }

    static void exactlyOne(JdbcTemplate jdbc, String what, String sql, Object... args) {
        int rows = jdbc.update(sql, args);
        if (rows != 1) {
            throw new IllegalStateException("debtor-balances: expected 1 row for " + what + ", updated " + rows);
        }
    }

    static void eachExactlyOne(JdbcTemplate jdbc, String what, String sql, List<Object[]> batch) {
        int[] counts = jdbc.batchUpdate(sql, batch);
        for (int rows : counts) {
            if (rows != 1) {
                throw new IllegalStateException("debtor-balances: expected 1 row each for " + what + ", got "
                        + Arrays.toString(counts));
            }
        }
    }
}
