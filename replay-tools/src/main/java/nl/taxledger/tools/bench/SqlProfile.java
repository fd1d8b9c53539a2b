package nl.taxledger.tools.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench --sql-profile}: the SQL of the payment days, the batch import and the rebuild of the read models,
 * from PostgreSQL's {@code pg_stat_statements} (statements inside the chain triggers' functions too, as not
 * top-level), listed by total time: calls per command (or assessment, or event) show the round trips one costs.
 * Collected per phase (reset before, read after; per payment day for the payment days), so the other phases' work
 * is not counted; the projections and the read load running alongside are, and are told apart by their text.
 */
final class SqlProfile {
    /** Statements listed, by their total time. */
    static final int LISTED = 40;

    private final JdbcTemplate jdbc;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private record Row(boolean topLevel, String query, long calls, double totalMillis) {
        Row plus(long moreCalls, double moreMillis) {
            return new Row(topLevel, query, calls + moreCalls, totalMillis + moreMillis);
        }
    }

    SqlProfile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** The server settings the extension needs; set before the embedded PostgreSQL starts. */
    static EmbeddedPostgres.Builder preload(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.max", "5000");
    }

    void reset() {
        jdbc.queryForList("SELECT pg_stat_statements_reset()");
    }

    /** Adds what was counted since {@link #reset()}. */
    void collect() {
        jdbc.query("SELECT toplevel, queryid, query, calls, total_exec_time FROM pg_stat_statements", resultSet -> {
            String key = resultSet.getBoolean("toplevel") + ":" + resultSet.getLong("queryid");
            Row row = new Row(
                    resultSet.getBoolean("toplevel"),
                    resultSet.getString("query").replaceAll("\\s+", " "),
                    resultSet.getLong("calls"),
                    resultSet.getDouble("total_exec_time"));
            rows.merge(key, row, (old, added) -> old.plus(added.calls(), added.totalMillis()));
        });
    }

    /** The statements counted, by total time, per unit of work ({@code commands} of the payment days, events of a rebuild). */
    String report(String phase, long units, String unit) {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingDouble(Row::totalMillis).reversed());
        long topLevelCalls =
                sorted.stream().filter(Row::topLevel).mapToLong(Row::calls).sum();
        double totalMillis = sorted.stream().mapToDouble(Row::totalMillis).sum();
        StringBuilder out = new StringBuilder("\n## SQL of " + phase + " (pg_stat_statements, " + units + " " + unit
                + "s; " + String.format(Locale.ROOT, "%.1f", topLevelCalls / (double) units)
                + " top-level statements per " + unit + ", all sessions; "
                + String.format(Locale.ROOT, "%.0f", totalMillis) + " ms in statements, nested ones counted twice)\n\n"
                + "| top-level | calls | per " + unit + " | total ms | statement |\n|---|---|---|---|---|\n");
        for (Row row : sorted.subList(0, Math.min(LISTED, sorted.size()))) {
            String query = row.query().length() > 160 ? row.query().substring(0, 160) + "…" : row.query();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.0f | `%s` |%n",
                    row.topLevel() ? "yes" : "no",
                    row.calls(),
                    row.calls() / (double) units,
                    row.totalMillis(),
                    query.replace("|", "\\|").replace("`", "'")));
        }
        return out.toString();
    }
}
