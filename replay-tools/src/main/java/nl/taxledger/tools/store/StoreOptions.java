package nl.taxledger.tools.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the ledger's PostgreSQL is: a running service's database ({@code --db}) or a stopped service's
 * embedded data directory ({@code --data}). A picocli mixin shared by the tools that read the event store.
 */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "JDBC URL of the service's PostgreSQL")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "ledger_readonly",
            description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "${env:LEDGER_DB_PASSWORD}",
            description = "database password (default: environment variable LEDGER_DB_PASSWORD); prefer"
                    + " --password-file or the variable: a command line is visible to every user of the machine")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file holding the database password (e.g. data/postgres-passwords/ledger_readonly)")
    Path passwordFile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory of a stopped service's embedded PostgreSQL (e.g. ./data/postgres)")
    Path dataDirectory;

    /** Opens the store named by the options; exactly one of {@code --db} and {@code --data} must be given. */
    public OpenStore open() {
        if ((jdbcUrl == null) == (dataDirectory == null)) {
            throw new IllegalArgumentException("give exactly one of --db <jdbc-url> and --data <dir>");
        }
        return jdbcUrl != null ? OpenStore.database(jdbcUrl, user, password())
                : OpenStore.dataDirectory(dataDirectory);
    }

    private String password() {
        if (passwordFile == null) {
            return password == null ? "" : password;
        }
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + passwordFile, e);
        }
    }
}
