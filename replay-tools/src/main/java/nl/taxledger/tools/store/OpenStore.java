package nl.taxledger.tools.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ledger's database for a tool run. On {@code --data} it starts PostgreSQL on the stopped service's
 * data directory (never cleaning it) and stops it again on {@link #close}.
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
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .start();
            return new OpenStore(postgres.getDatabase(EMBEDDED_DATABASE, EMBEDDED_DATABASE), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + directory + " (is the service still running?)", e);
        }
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
