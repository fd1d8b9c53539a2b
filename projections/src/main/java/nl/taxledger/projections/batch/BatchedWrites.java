package nl.taxledger.projections.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writes of one projection for one processor batch, collected in memory and sent when the batch commits: one
 * set-based statement (one round trip, one execution) per table instead of one per row and event. Statements take
 * text arrays, one per parameter, and {@code unnest} them ({@link #execute}). A streaming processor
 * handles a batch of events in one unit of work and one transaction, together with its token, so the rows are
 * stored exactly when the token moves past their events — as before, only with fewer round trips. A flush outside
 * a Spring transaction is refused: that is the configuration in which rows and token would commit apart.
 *
 * <p>Statements run in the order of the {@link Plan}, not in event order: inserts are declared before the updates
 * that need their rows. Additive changes ({@link #addDelta}) are summed per key first, so a debtor with ten
 * payments in a batch is one update; sums commute, and the CHECK constraints see only the batch's end state,
 * which is the state a reader can see.
 *
 * <p>Every row must touch exactly one row in PostgreSQL. Zero means an event refers to something this projection
 * never saw (a bug or a lost event): the flush throws, the batch and its token roll back and the processor halts
 * at that batch rather than skip a fact.
 */
public final class BatchedWrites {

    /** A bound on one flush: a processor batch is hundreds of events with a few rows each. */
    static final int MAX_ROWS_PER_FLUSH = 1_000_000;

    /** A parameterised statement; for a delta statement, {@code deltaFirst} says where the summed amount goes. */
    public record Statement(String name, String sql, boolean deltaFirst) {

        public static Statement rows(String name, String sql) {
            return new Statement(name, sql, false);
        }

        /** {@code UPDATE … SET x = x - u.delta … WHERE key…}: the amount is the first column, the key follows. */
        public static Statement deltaThenKey(String name, String sql) {
            return new Statement(name, sql, true);
        }

        /** {@code INSERT … (key…, amount) … ON CONFLICT … DO UPDATE … + EXCLUDED.amount}: the key columns come first. */
        public static Statement keyThenDelta(String name, String sql) {
            return new Statement(name, sql, false);
        }
    }

    /**
     * The source of a set-based statement: {@code unnest(?::text[], …) AS u(a, b, …)}, one text array per named
     * column, in the order the handlers add their parameters; the statement casts each column to its type.
     */
    public static String unnest(String... columns) {
        return "unnest(" + String.join(", ", java.util.Collections.nCopies(columns.length, "?::text[]")) + ") AS u("
                + String.join(", ", columns) + ")";
    }

    /** The statements of one projection in the order they must run; hands out the current batch's writes. */
    public static final class Plan {
        private final String projection;
        private final JdbcTemplate jdbc;
        private final List<Statement> order;
        private final String resourceKey;
        private final BatchedWrites skipped = new BatchedWrites(this, false);

        public Plan(String projection, JdbcTemplate jdbc, Statement... order) {
            this.projection = projection;
            this.jdbc = jdbc;
            this.order = List.of(order);
            this.resourceKey = BatchedWrites.class.getName() + "/" + projection + "/" + System.identityHashCode(this);
        }

        /**
         * The projection's {@code @ResetHandler}: empties its tables for a replay from the start, when the reset
         * rebuilds this projection ({@link ReplayScope}); a reset for other read models of the processor leaves them.
         */
        public void reset(Object resetContext, String... tables) {
            if (ReplayScope.rebuilds(resetContext, projection)) {
                jdbc.execute("TRUNCATE " + String.join(", ", tables));
            }
        }

        /**
         * The writes of the batch being handled. Handlers run only inside a processor's unit of work; without one
         * there is no commit to flush at and rows would be lost, so that is refused. An event replayed only for
         * other read models of the processor gets writes that are dropped ({@link ReplayScope}): this projection
         * holds it already.
         */
        public BatchedWrites current() {
            if (!CurrentUnitOfWork.isStarted()) {
                throw new IllegalStateException(projection + ": projection handlers must run in a unit of work");
            }
            if (ReplayScope.skips(CurrentUnitOfWork.get().getMessage(), projection)) {
                return skipped;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root.getOrComputeResource(resourceKey, key -> {
                BatchedWrites writes = new BatchedWrites(this, true);
                root.onPrepareCommit(unitOfWork -> writes.flush());
                return writes;
            });
        }
    }

    private final Plan plan;
    private final Map<Statement, List<Object[]>> rows = new LinkedHashMap<>();
    private final Map<Statement, Map<List<Object>, long[]>> deltas = new LinkedHashMap<>();
    private final boolean kept;
    private int rowCount;

    private BatchedWrites(Plan plan, boolean kept) {
        this.plan = plan;
        this.kept = kept;
    }

    /** One row for {@code statement}, with its parameters in order. */
    public void add(Statement statement, Object... parameters) {
        checkPlanned(statement);
        if (!kept) {
            return;
        }
        rows.computeIfAbsent(statement, s -> new ArrayList<>()).add(parameters);
        countRow();
    }

    /** An amount to add for {@code key}; amounts for the same key in this batch are summed into one row. */
    public void addDelta(Statement statement, long deltaCents, Object... key) {
        checkPlanned(statement);
        if (!kept) {
            return;
        }
        long[] sum = deltas.computeIfAbsent(statement, s -> new LinkedHashMap<>())
                .computeIfAbsent(List.of(key), k -> {
                    countRow();
                    return new long[1];
                });
        sum[0] = Math.addExact(sum[0], deltaCents);
    }

    void flush() {
        if (rowCount > 0 && !TransactionSynchronizationManager.isActualTransactionActive()) {
            // without the processor's transaction the rows and the token would commit apart: a crash in between
            // applies the batch twice or skips it on the next owner of the segment
            throw new IllegalStateException(
                    plan.projection + ": projection writes outside the processor's transaction");
        }
        for (Statement statement : plan.order) {
            List<Object[]> batch = new ArrayList<>(rows.getOrDefault(statement, List.of()));
            deltas.getOrDefault(statement, Map.of())
                    .forEach((key, sum) -> batch.add(withDelta(statement, key, sum[0])));
            if (!batch.isEmpty()) {
                try {
                    execute(statement, batch);
                } catch (DataAccessException refused) {
                    // name the read model: the processor it halts feeds several
                    throw new IllegalStateException(
                            plan.projection + ": " + statement.name() + " refused: "
                                    + refused.getMostSpecificCause().getMessage(),
                            refused);
                }
            }
        }
        rows.clear();
        deltas.clear();
        rowCount = 0;
    }

    /**
     * One statement for the whole batch: parameter i of every row goes into text array i, which the statement
     * unnests and casts. PostgreSQL then plans and runs the statement once instead of once per row, which was most
     * of its work in a rebuild. The rows must touch one row each; when the total is short, the batch is run again
     * row by row, inside a savepoint that is rolled back, only to name the row that touched nothing.
     */
    private void execute(Statement statement, List<Object[]> batch) {
        int width = batch.get(0).length;
        plan.jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint before = connection.setSavepoint();
            int touched = run(connection, statement, batch, width);
            if (touched != batch.size()) {
                connection.rollback(before);
                throw new IllegalStateException(plan.projection + ": " + statement.name() + " expected " + batch.size()
                        + " rows, touched " + touched + "; first row that touched none: "
                        + firstUntouched(connection, statement, batch, width));
            }
            connection.releaseSavepoint(before);
            return null;
        });
    }

    private static int run(Connection connection, Statement statement, List<Object[]> rows, int width)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement.sql())) {
            for (int column = 0; column < width; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    Object[] parameters = rows.get(row);
                    if (parameters.length != width) {
                        throw new IllegalArgumentException(statement.name() + ": rows of different widths");
                    }
                    values[row] = text(parameters[column]);
                }
                update.setArray(column + 1, connection.createArrayOf("text", values));
            }
            return update.executeUpdate();
        }
    }

    private static String firstUntouched(Connection connection, Statement statement, List<Object[]> batch, int width)
            throws SQLException {
        Savepoint probe = connection.setSavepoint();
        try {
            for (Object[] row : batch) {
                if (run(connection, statement, List.<Object[]>of(row), width) != 1) {
                    return Arrays.toString(row);
                }
            }
            return "none alone (rows of the batch collide)";
        } finally {
            connection.rollback(probe);
        }
    }

    /** Text PostgreSQL casts back exactly: ISO dates and timestamps, plain integers, enum names. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof LocalDate
                || value instanceof OffsetDateTime) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "no text form for a " + value.getClass().getName() + " parameter");
    }

    private static Object[] withDelta(Statement statement, List<Object> key, long deltaCents) {
        Object[] parameters = new Object[key.size() + 1];
        int keyFrom = statement.deltaFirst() ? 1 : 0;
        parameters[statement.deltaFirst() ? 0 : key.size()] = deltaCents;
        for (int i = 0; i < key.size(); i++) {
            parameters[keyFrom + i] = key.get(i);
        }
        return parameters;
    }

    private void checkPlanned(Statement statement) {
        if (!plan.order.contains(statement)) {
            throw new IllegalArgumentException(
                    plan.projection + ": statement " + statement.name() + " is not in its plan");
        }
    }

    private void countRow() {
        if (++rowCount > MAX_ROWS_PER_FLUSH) {
            throw new IllegalStateException(
                    plan.projection + ": more than " + MAX_ROWS_PER_FLUSH + " rows in one batch");
        }
    }
}
