package nl.taxledger.tools.store;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the ledger's PostgreSQL is: a running service's database ({@code --db}) or a stopped service's
 * embedded data directory ({@code --data}). A picocli mixin shared by the tools that read the event store.
 */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "JDBC URL of the service's PostgreSQL")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "${env:LEDGER_DB_PASSWORD}",
            description = "database password (default: environment variable LEDGER_DB_PASSWORD)")
    String password;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory of a stopped service's embedded PostgreSQL (e.g. ./data/postgres)")
    Path dataDirectory;

    /** Opens the store named by the options; exactly one of {@code --db} and {@code --data} must be given. */
    public OpenStore open() {
        if ((jdbcUrl == null) == (dataDirectory == null)) {
            throw new IllegalArgumentException("give exactly one of --db <jdbc-url> and --data <dir>");
        }
        return jdbcUrl != null ? OpenStore.database(jdbcUrl, user, password == null ? "" : password)
                : OpenStore.dataDirectory(dataDirectory);
    }
}
