package nl.taxledger.service.embeddeddb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * The {@code ledger.embedded.*} properties, read straight from the environment because they are needed before
 * any bean (and so any {@code @ConfigurationProperties} binding) exists.
 *
 * @param dataDirectory where PostgreSQL keeps its files
 * @param port          TCP port, 0 for a random free one
 * @param ephemeral     a fresh directory that is deleted when the context closes
 */
record EmbeddedPostgresSettings(Path dataDirectory, int port, boolean ephemeral) {

    static final int DEFAULT_PORT = 5439;

    static EmbeddedPostgresSettings from(Environment environment) {
        boolean ephemeral = environment.getProperty("ledger.embedded.ephemeral", Boolean.class, false);
        // Ephemeral databases default to a random port: several test contexts stay cached side by side in one JVM.
        int port = environment.getProperty("ledger.embedded.port", Integer.class, ephemeral ? 0 : DEFAULT_PORT);
        Path directory = ephemeral
                ? freshTemporaryDirectory()
                : Path.of(environment.getProperty("ledger.embedded.data-dir", "./data/postgres")).toAbsolutePath();
        return new EmbeddedPostgresSettings(directory, port, ephemeral);
    }

    private static Path freshTemporaryDirectory() {
        try {
            return Files.createTempDirectory("ledger-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary PostgreSQL data directory", e);
        }
    }
}
