package nl.taxledger.tools.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import nl.taxledger.service.embeddeddb.DatabaseRoles;
import nl.taxledger.service.embeddeddb.EmbeddedPostgresInitializer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ledger's database for a tool run. On {@code --data} it starts PostgreSQL on the stopped service's
 * data directory (never cleaning it, with the service's durable settings), signs in as the read-only role and
 * stops it again on {@link #close}.
 */
public final class OpenStore implements AutoCloseable {
    /** The embedded service's database and user (EmbeddedPostgresInitializer). */
    private static final String EMBEDDED_DATABASE = "postgres";

    private final DataSource dataSource;
    private final EmbeddedPostgres postgres;

    private OpenStore(DataSource dataSource, EmbeddedPostgres postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    public static OpenStore database(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setReadOnly(true); // the tools read the ledger; they never write to a live service's database
        return new OpenStore(dataSource, null);
    }

    public static OpenStore dataDirectory(Path directory) {
        if (!Files.isRegularFile(directory.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(directory + " is not a PostgreSQL data directory (no PG_VERSION)");
        }
        try {
            // the service's own durable settings: a tool must not run the ledger's directory with fsync off
            EmbeddedPostgres.Builder builder = EmbeddedPostgresInitializer.durable(EmbeddedPostgres.builder())
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false);
            String superuser = DatabaseRoles.password(directory, DatabaseRoles.SUPERUSER);
            if (superuser != null) {
                // zonky signs in as the superuser to see the server is up; the pg_hba.conf wants a password
                builder.setConnectConfig("password", superuser);
            }
            EmbeddedPostgres postgres = builder.start();
            return new OpenStore(readOnly(postgres, directory), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start PostgreSQL on " + directory + " (is the service still running?)", e);
        }
    }

    /**
     * As the read-only role, with the password the service generated beside the directory; a directory from before
     * the roles (no passwords yet) still trusts local connections, so there the superuser, read-only by session.
     */
    private static DataSource readOnly(EmbeddedPostgres postgres, Path directory) {
        String password = DatabaseRoles.password(directory, DatabaseRoles.READ_ONLY);
        PGSimpleDataSource dataSource = (PGSimpleDataSource) (password == null
                ? postgres.getDatabase(DatabaseRoles.SUPERUSER, EMBEDDED_DATABASE)
                : postgres.getDatabase(DatabaseRoles.READ_ONLY, EMBEDDED_DATABASE, Map.of("password", password)));
        dataSource.setReadOnly(true);
        return dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
            }
        }
    }
}
