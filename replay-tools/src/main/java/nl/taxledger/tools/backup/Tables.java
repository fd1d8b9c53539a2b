package nl.taxledger.tools.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.MigrationVersion;

/** What the export holds: every table of the ledger's schema but Flyway's history, parents before children. */
final class Tables {
    /** Recreated by the restore's own migration run, not copied. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    record Table(String name, List<String> columns) {}

    private Tables() {}

    /** Tables in an order in which every foreign key points to a table loaded before it (names sort ties). */
    static List<Table> inLoadOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ?");
                ResultSet names = prepare(query, FLYWAY_HISTORY).executeQuery()) {
            while (names.next()) {
                parents.put(names.getString(1), new TreeSet<>());
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
                                + " JOIN pg_namespace n ON n.oid = c.connamespace"
                                + " WHERE c.contype = 'f' AND n.nspname = 'public'");
                ResultSet keys = query.executeQuery()) {
            while (keys.next()) {
                if (parents.containsKey(keys.getString(1)) && !keys.getString(1).equals(keys.getString(2))) {
                    parents.get(keys.getString(1)).add(keys.getString(2));
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < parents.size()) {
            int before = placed.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    placed.add(table.getKey());
                    ordered.add(new Table(table.getKey(), columns(connection, table.getKey())));
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                                + " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position");
                ResultSet names = prepare(query, table).executeQuery()) {
            while (names.next()) {
                columns.add(names.getString(1));
            }
        }
        return columns;
    }

    /** The highest version Flyway applied, or null for a database Flyway never migrated. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL");
                ResultSet answer = prepare(exists, FLYWAY_HISTORY).executeQuery()) {
            if (!answer.next() || !answer.getBoolean(1)) {
                return null;
            }
        }
        MigrationVersion highest = null;
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM " + FLYWAY_HISTORY + " WHERE success AND version IS NOT NULL");
                ResultSet versions = query.executeQuery()) {
            while (versions.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(versions.getString(1));
                highest = highest == null || version.compareTo(highest) > 0 ? version : highest;
            }
        }
        return highest == null ? null : highest.getVersion();
    }

    static String copyColumns(Table table) {
        return table.name() + " ("
                + String.join(
                        ", ", table.columns().stream().map(c -> '"' + c + '"').toList()) + ")";
    }

    private static PreparedStatement prepare(PreparedStatement statement, String value) throws SQLException {
        statement.setString(1, value);
        return statement;
    }
}
