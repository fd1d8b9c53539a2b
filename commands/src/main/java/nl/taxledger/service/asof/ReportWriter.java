package nl.taxledger.service.asof;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.money.Money;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a report table. CSV and JSON are deterministic: the rows come sorted, amounts are
 * written as "312.40", and the body has no timestamps, so the same D, K and events give the same
 * bytes; XLSX gets its timestamps set to the reference date for the same reason.
 */
public final class ReportWriter {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {}

    public static void write(Table table, ReportFormat format, LocalDate asOf, LocalDate knownAt, OutputStream out) {
        try {
            switch (format) {
                case CSV -> csv(table, out);
                case JSON -> json(table, asOf, knownAt, out);
                case XLSX -> xlsx(table, asOf, knownAt, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + table.title() + " report", e);
        }
    }

    private static void csv(Table table, OutputStream out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator("\n")
                .setHeader(table.columns().stream().map(Table.Column::name).toArray(String[]::new))
                .get();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (Object[] row : table.rows()) {
            Object[] texts = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                texts[i] = text(table.columns().get(i).kind(), row[i]);
            }
            printer.printRecord(texts);
        }
        printer.flush();
    }

    private static String text(Table.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case AMOUNT -> Money.format((Long) value);
            case PERCENT -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }

    private static void json(Table table, LocalDate asOf, LocalDate knownAt, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("report", table.title());
        root.put("asOf", asOf == null ? null : asOf.toString());
        root.put("knownAt", knownAt == null ? null : knownAt.toString());
        ArrayNode rows = root.putArray("rows");
        List<Table.Column> columns = table.columns();
        for (Object[] row : table.rows()) {
            ObjectNode node = rows.addObject();
            for (int i = 0; i < row.length; i++) {
                String name = columns.get(i).name();
                Object value = row[i];
                if (value == null) {
                    node.putNull(name);
                } else if (columns.get(i).kind() == Table.Kind.COUNT) {
                    node.put(name, (Long) value);
                } else if (columns.get(i).kind() == Table.Kind.FLAG) {
                    node.put(name, (Boolean) value);
                } else {
                    node.put(name, text(columns.get(i).kind(), value));
                }
            }
        }
        out.write(JSON.writeValueAsBytes(root));
        out.write('\n');
        out.flush();
    }

    private static void xlsx(Table table, LocalDate asOf, LocalDate knownAt, OutputStream out) throws IOException {
        java.io.ByteArrayOutputStream workbookBytes = new java.io.ByteArrayOutputStream();
        Workbook workbook = new Workbook(workbookBytes, "tax-ledger", "1.0");
        workbook.properties()
                .setTitle(table.title() + " peildatum " + asOf + (knownAt == null ? "" : " bekend op " + knownAt));
        Worksheet sheet = workbook.newWorksheet(table.title());
        List<Table.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).name());
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (Object[] row : table.rows()) {
            for (int c = 0; c < row.length; c++) {
                cell(sheet, r, c, columns.get(c).kind(), row[c]);
            }
            r++;
        }
        workbook.finish();
        normalise(workbookBytes.toByteArray(), asOf, out);
    }

    /**
     * fastexcel stamps the creation time into docProps/core.xml and the zip entries; both are
     * replaced by the reference date so that an XLSX, too, is the same bytes for the same D and K.
     * Also used for the remittance statement (its period end), so a statement is the same bytes every time it is
     * downloaded, and after a restore.
     */
    public static void normalise(byte[] xlsx, LocalDate asOf, OutputStream out) throws IOException {
        long fixedMillis = (asOf == null ? LocalDate.of(2000, 1, 1) : asOf)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        String created = (asOf == null ? "2000-01-01" : asOf.toString()) + "T00:00:00Z";
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
        // read through the central directory: fastexcel's streamed entries confuse ZipInputStream
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("as-of", ".xlsx");
        try {
            java.nio.file.Files.write(temp, xlsx);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(temp.toFile())) {
                for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (java.io.InputStream entryIn = in.getInputStream(entry)) {
                        content = entryIn.readAllBytes();
                    }
                    if (entry.getName().equals("docProps/core.xml")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + created + "$2")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
                    copy.setTime(fixedMillis);
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
        zip.finish();
        zip.flush();
    }

    private static void cell(Worksheet sheet, int r, int c, Table.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case AMOUNT -> {
                sheet.value(r, c, BigDecimal.valueOf((Long) value, 2));
                sheet.style(r, c).format("0.00").set();
            }
            case COUNT -> sheet.value(r, c, (Long) value);
            case PERCENT -> sheet.value(r, c, (BigDecimal) value);
            case FLAG -> sheet.value(r, c, (Boolean) value);
            default -> sheet.value(r, c, value.toString());
        }
    }
}
