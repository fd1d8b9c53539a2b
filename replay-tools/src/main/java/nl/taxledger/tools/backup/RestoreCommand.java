package nl.taxledger.tools.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.taxledger.service.embeddeddb.EmbeddedPostgresInitializer;
import nl.taxledger.tools.verify.ChainCheck;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay-tools restore}: an export into an empty database. In one transaction: the schema (Flyway, to the
 * export's version, if the database has none), every table by binary COPY with the chain's triggers off (the rows
 * already have their links), the sequences moved past the rows, the file's checksum and the chain verified; only then
 * the commit. Then the projections are rebuilt from the events by the service itself (every streaming processor
 * reset and replayed), so the read side is recomputed, not trusted from the file.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Loads an export into an empty database (refuses one that holds events or command records), checks the",
            "file's checksum and the ledger chain before committing, then rebuilds the projections. Exit 0: restored",
            "and verified; 1: refused or failed, nothing committed."
        })
public final class RestoreCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A database holding any row in these has a history: restoring over it would mix two ledgers. */
    private static final List<String> HISTORY = List.of("domainevententry", "snapshotevententry", "command_log");

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the export file")
    Path in;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "an empty database (its owner or a superuser)")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(
            names = "--password",
            defaultValue = "${env:LEDGER_DB_PASSWORD}",
            description = "database password (default: environment variable LEDGER_DB_PASSWORD)")
    String password;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "a new embedded data directory (absent or empty) for the service to run on afterwards")
    Path dataDirectory;

    @Option(names = "--no-rebuild", description = "load and verify only; the projections replay at the next start")
    boolean noRebuild;

    @Option(names = "--rebuild-timeout-s", defaultValue = "3600", description = "default: ${DEFAULT-VALUE}")
    long rebuildTimeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ((jdbcUrl == null) == (dataDirectory == null)) {
            throw new IllegalArgumentException("give exactly one of --db <jdbc-url> and --data <dir>");
        }
        checkSidecar(out);
        EmbeddedPostgres embedded = dataDirectory == null ? null : startEmptyDirectory(dataDirectory);
        try {
            DataSource target = embedded != null ? embedded.getPostgresDatabase() : external();
            List<String> refusal = load(target, out);
            if (!refusal.isEmpty()) {
                refusal.forEach(out::println);
                out.println("restore: REFUSED, nothing committed");
                out.flush();
                return 1;
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        if (!noRebuild) {
            Map<String, Object> service = new LinkedHashMap<>();
            if (dataDirectory != null) {
                service.put(
                        "ledger.embedded.data-dir",
                        dataDirectory.toAbsolutePath().toString());
                service.put("ledger.embedded.port", "0");
            } else {
                service.put("spring.datasource.url", jdbcUrl);
                service.put("spring.datasource.username", user);
                service.put("spring.datasource.password", password == null ? "" : password);
            }
            ProjectionReplay.rebuildAll(service, Duration.ofSeconds(rebuildTimeoutSeconds), out);
        }
        out.println("restore: OK");
        out.flush();
        return 0;
    }

    private DataSource external() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password == null ? "" : password);
        return dataSource;
    }

    /** A fresh directory, initialised like a service's first start before its roles (they follow at its start). */
    private static EmbeddedPostgres startEmptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(directory + " is not empty: restore only into a new directory");
                }
            }
        }
        Files.createDirectories(directory);
        return EmbeddedPostgresInitializer.durable(EmbeddedPostgres.builder())
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
    }

    private void checkSidecar(PrintWriter out) throws IOException {
        Path sidecar = in.resolveSibling(in.getFileName() + ".sha256");
        if (!Files.isRegularFile(sidecar)) {
            out.println("no " + sidecar.getFileName() + " beside the file: relying on the checksum inside it");
            return;
        }
        MessageDigest digest = ExportFile.sha256();
        try (InputStream file = new DigestInputStream(Files.newInputStream(in), digest)) {
            file.transferTo(OutputStreamNull.INSTANCE);
        }
        String expected = Files.readString(sidecar, StandardCharsets.UTF_8).split("\\s+")[0];
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!expected.equals(actual)) {
            throw new IOException(in + " has sha256 " + actual + ", " + sidecar.getFileName() + " says " + expected);
        }
    }

    /** Loads and verifies in one transaction; answers why it refused (empty: committed). */
    private List<String> load(DataSource target, PrintWriter out) throws SQLException, IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(in), ExportFile.CHUNK_BYTES)) {
            ExportFile.Reader reader = new ExportFile.Reader(file);
            JsonNode header = JSON.readTree(reader.header());
            String version = header.get("schemaVersion").asString();
            try (Connection connection = target.getConnection()) {
                List<String> refusal = prepareSchema(target, connection, version);
                if (!refusal.isEmpty()) {
                    return refusal;
                }
                connection.setAutoCommit(false);
                try {
                    List<String> problems = copyIn(connection, reader, header, out);
                    if (!problems.isEmpty()) {
                        connection.rollback();
                        return problems;
                    }
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException failure) {
                    connection.rollback();
                    throw failure;
                }
            }
            out.printf(
                    "restored ledger %s, chain head %s %s: chain verified%n",
                    header.path("ledger").asString(),
                    header.path("chainPosition").asString(),
                    header.path("chainHash").asString());
            return List.of();
        }
    }

    private static List<String> prepareSchema(DataSource target, Connection connection, String version)
            throws SQLException {
        String present = Tables.schemaVersion(connection);
        if (present == null) {
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .target(version)
                    .load()
                    .migrate();
        } else if (!present.equals(version)) {
            return List.of("the database is at schema version " + present + ", the export at " + version
                    + ": restore into an empty database, or with the replay-tools of the export's release");
        }
        for (String table : HISTORY) {
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                if (rows.next() && rows.getBoolean(1)) {
                    return List.of("the database is not empty: " + table + " has rows");
                }
            }
        }
        return List.of();
    }

    private static List<String> copyIn(
            Connection connection, ExportFile.Reader reader, JsonNode header, PrintWriter out)
            throws SQLException, IOException {
        List<Tables.Table> tables = new ArrayList<>();
        for (JsonNode entry : header.get("tables")) {
            List<String> columns = new ArrayList<>();
            entry.get("columns").forEach(c -> columns.add(c.asString()));
            tables.add(new Tables.Table(entry.get("name").asString(), columns));
        }
        try (Statement sql = connection.createStatement()) {
            // rows a migration or a first start put there (the chain's origin, an initial admin) make way
            for (int i = tables.size() - 1; i >= 0; i--) {
                sql.execute("DELETE FROM " + tables.get(i).name());
            }
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        for (Tables.Table table : tables) {
            String name = reader.tableName();
            if (!name.equals(table.name())) {
                throw new IOException("export damaged: table " + name + " where the header lists " + table.name());
            }
            try (Statement sql = connection.createStatement()) {
                // the rows carry their links already: the chain's triggers would chain them a second time
                sql.execute("ALTER TABLE " + name + " DISABLE TRIGGER USER");
                long rows = postgres.getCopyAPI()
                        .copyIn("COPY " + Tables.copyColumns(table) + " FROM STDIN (FORMAT binary)", reader.table());
                sql.execute("ALTER TABLE " + name + " ENABLE TRIGGER USER");
                out.printf("  %-32s %,d rows%n", name, rows);
            }
        }
        reader.checkTrailer();
        afterLoad(connection);
        return ChainCheck.findings(connection);
    }

    /** Sequences past their rows; token claims of the exporting instance released. */
    private static void afterLoad(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("UPDATE tokenentry SET owner = NULL");
        }
        List<String[]> sequences = new ArrayList<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT s.relname, t.relname, a.attname FROM pg_class s"
                                + " JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')"
                                + " JOIN pg_class t ON t.oid = d.refobjid"
                                + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
                                + " JOIN pg_namespace n ON n.oid = s.relnamespace"
                                + " WHERE s.relkind = 'S' AND n.nspname = 'public'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sequences.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String[] s : sequences) {
                sql.execute("SELECT setval('" + s[0] + "', m) FROM (SELECT max(\"" + s[2] + "\") AS m FROM " + s[1]
                        + ") t WHERE m IS NOT NULL");
            }
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
