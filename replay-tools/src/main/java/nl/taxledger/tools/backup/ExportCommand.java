package nl.taxledger.tools.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import nl.taxledger.tools.store.OpenStore;
import nl.taxledger.tools.store.StoreOptions;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code replay-tools export}: the whole ledger (event store, ledger chain, command log, command-side tables,
 * users, and the projections with their tokens) as one compressed, checksummed file, from one read-only snapshot,
 * streamed table by table with PostgreSQL's binary COPY: memory stays at one chunk whatever the ledger's size.
 * Safe against a running service (it reads, as the read-only role if it is given).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the ledger's database (events with their chain, command log, command-side tables) to a gzip file",
            "with a SHA-256 trailer, and FILE.sha256 beside it; one consistent snapshot, streamed. Restore with",
            "'replay-tools restore --in FILE'."
        })
public final class ExportCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    StoreOptions store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the export file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException, IOException {
        PrintWriter console = spec.commandLine().getOut();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        MessageDigest fileDigest = ExportFile.sha256();
        long rows;
        try (OpenStore open = store.open();
                Connection connection = open.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (OutputStream file = new BufferedOutputStream(
                    new DigestOutputStream(Files.newOutputStream(partial), fileDigest), ExportFile.CHUNK_BYTES)) {
                rows = write(connection, file, console);
            } finally {
                connection.rollback();
            }
        }
        // only a complete file gets the name, so a cut-off export is never mistaken for one
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String sum = HexFormat.of().formatHex(fileDigest.digest());
        Files.writeString(
                out.resolveSibling(out.getFileName() + ".sha256"),
                sum + "  " + out.getFileName() + "\n",
                StandardCharsets.UTF_8);
        console.printf("export: %d rows written to %s (%d bytes, sha256 %s)%n", rows, out, Files.size(out), sum);
        console.flush();
        return 0;
    }

    private static long write(Connection connection, OutputStream file, PrintWriter console)
            throws SQLException, IOException {
        List<Tables.Table> tables = Tables.inLoadOrder(connection);
        ExportFile.Writer writer = new ExportFile.Writer(file);
        writer.header(JSON.writeValueAsBytes(header(connection, tables)));
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long rows = 0;
        for (Tables.Table table : tables) {
            long copied;
            try (OutputStream section = writer.table(table.name())) {
                copied = postgres.getCopyAPI()
                        .copyOut("COPY " + Tables.copyColumns(table) + " TO STDOUT (FORMAT binary)", section);
            }
            console.printf("  %-32s %,d rows%n", table.name(), copied);
            rows += copied;
        }
        writer.finish();
        return rows;
    }

    private static ObjectNode header(Connection connection, List<Tables.Table> tables) throws SQLException {
        ObjectNode header = JSON.createObjectNode()
                .put("schemaVersion", Tables.schemaVersion(connection))
                .put("exportedAt", Instant.now().toString());
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT h.position, h.hash, split_part(o.row_key, ':', 1) FROM ledger_chain_head h"
                                + " JOIN ledger_chain o ON o.position = 1");
                ResultSet head = query.executeQuery()) {
            if (head.next()) {
                header.put("chainPosition", head.getLong(1))
                        .put("chainHash", head.getString(2))
                        .put("ledger", head.getString(3));
            }
        }
        ArrayNode list = header.putArray("tables");
        for (Tables.Table table : tables) {
            ObjectNode entry = list.addObject().put("name", table.name());
            table.columns().forEach(entry.putArray("columns")::add);
        }
        return header;
    }
}
