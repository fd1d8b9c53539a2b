package nl.taxledger.tools.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import nl.taxledger.tools.store.OpenStore;
import nl.taxledger.tools.store.StoreOptions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code replay-tools audit --debtor ID}: the full history of one debtor's facts, as CSV or JSON. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The full history of one debtor's facts in global order (including the suspense history of",
                "payments assigned to the debtor): who, why, source, commandId, event type, effective and booking",
                "date, recorded time and the stored payload. Same store, same output, byte for byte."})
public final class AuditCommand implements Callable<Integer> {
    static final String[] HEADER = {"globalIndex", "recordedAt", "eventType", "aggregateId", "sequenceNumber",
            "effectiveDate", "bookingDate", "who", "why", "source", "commandId", "payload"};

    enum Format { csv, json }

    @Mixin
    StoreOptions store;

    @Option(names = "--debtor", required = true, paramLabel = "ID", description = "the debtor id (subject number)")
    String debtorId;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() throws SQLException, IOException {
        List<AuditTrail.Fact> facts;
        try (OpenStore open = store.open()) {
            facts = new AuditTrail().of(open.dataSource(), debtorId);
        }
        if (out == null) {
            write(facts, System.out);
            System.out.flush();
        } else {
            try (OutputStream file = Files.newOutputStream(out)) {
                write(facts, file);
            }
        }
        return 0;
    }

    void write(List<AuditTrail.Fact> facts, OutputStream target) throws IOException {
        Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        if (format == Format.json) {
            writeJson(facts, writer);
        } else {
            writeCsv(facts, writer);
        }
        writer.flush();
    }

    private static void writeCsv(List<AuditTrail.Fact> facts, Writer writer) throws IOException {
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get();
        CSVPrinter printer = new CSVPrinter(writer, csv);
        for (AuditTrail.Fact f : facts) {
            printer.printRecord(f.globalIndex(), f.recordedAt(), f.eventType(), f.aggregateId(), f.sequenceNumber(),
                    f.effectiveDate(), f.bookingDate(), f.who(), f.why(), f.source(), f.commandId(), f.payloadJson());
        }
        printer.flush();
    }

    private static void writeJson(List<AuditTrail.Fact> facts, Writer writer) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ArrayNode array = json.createArrayNode();
        for (AuditTrail.Fact f : facts) {
            ObjectNode node = array.addObject();
            node.put("globalIndex", f.globalIndex());
            node.put("recordedAt", f.recordedAt());
            node.put("eventType", f.eventType());
            node.put("aggregateId", f.aggregateId());
            node.put("sequenceNumber", f.sequenceNumber());
            node.put("effectiveDate", f.effectiveDate());
            node.put("bookingDate", f.bookingDate());
            node.put("who", f.who());
            node.put("why", f.why());
            node.put("source", f.source());
            node.put("commandId", f.commandId());
            node.set("payload", json.readTree(f.payloadJson()));
        }
        writer.write(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        writer.write("\n");
    }
}
