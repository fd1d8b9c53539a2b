package nl.taxledger.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** One embedded PostgreSQL per test JVM, migrated with the projections' own Flyway scripts. */
final class ProjectionsDatabase {

    private static JdbcTemplate jdbc;

    private ProjectionsDatabase() {
    }

    static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            jdbc = start();
        }
        return jdbc;
    }

    /** Empties every projection table, independent of the reset handlers under test. */
    static void clean() {
        List<String> tables = jdbc().queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history'", String.class);
        jdbc().execute("TRUNCATE " + String.join(", ", tables));
    }

    private static JdbcTemplate start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/projections").load().migrate();
            JdbcTemplate template = new JdbcTemplate(postgres.getPostgresDatabase());
            // the two columns of the command side's event table that the history projection reads its positions from
            template.execute("CREATE TABLE domainevententry (globalindex BIGINT PRIMARY KEY,"
                    + " eventidentifier VARCHAR(255) NOT NULL UNIQUE)");
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
