package nl.taxledger.service.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.taxledger.ledger.asof.CellFacts;
import nl.taxledger.service.asof.ReportFormat;
import nl.taxledger.service.asof.ReportWriter;
import nl.taxledger.service.asof.Table;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** The facts behind a reconciliation cell as a report table: shown on the page, downloaded as CSV or XLSX. */
final class CellTable {
    private CellTable() {}

    static Table of(CellFacts facts) {
        List<Table.Column> columns = new ArrayList<>(List.of(
                new Table.Column("position", Table.Kind.COUNT),
                new Table.Column("fact", Table.Kind.TEXT),
                new Table.Column("debtorId", Table.Kind.TEXT),
                new Table.Column("assessmentId", Table.Kind.TEXT),
                new Table.Column("effectiveDate", Table.Kind.TEXT),
                new Table.Column("bookingDate", Table.Kind.TEXT)));
        for (CellFacts.Column column : CellFacts.Column.values()) {
            columns.add(new Table.Column(column.name().toLowerCase(Locale.ROOT), Table.Kind.AMOUNT));
        }
        Table table = new Table("reconciliation-cell", columns);
        for (CellFacts.Fact fact : facts.facts()) {
            List<Object> row = new ArrayList<>(List.of(
                    fact.position(),
                    fact.factType(),
                    text(fact.debtorId()),
                    text(fact.assessmentId()),
                    fact.effectiveDate().toString(),
                    fact.bookingDate().toString()));
            for (CellFacts.Column column : CellFacts.Column.values()) {
                row.add(fact.cents(column));
            }
            table.row(row.toArray());
        }
        return table;
    }

    /** The column totals over every counted fact (the grid's cell), in the order of {@link CellFacts.Column}. */
    static List<Long> totals(CellFacts facts) {
        List<Long> totals = new ArrayList<>();
        for (CellFacts.Column column : CellFacts.Column.values()) {
            totals.add(facts.totalCents(column));
        }
        return totals;
    }

    static ResponseEntity<byte[]> download(
            Table table, String formaat, LocalDate asOf, LocalDate knownAt, String name) {
        ReportFormat how;
        try {
            how = ReportFormat.parse(formaat);
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "geen formaat " + formaat);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(table, how, asOf, knownAt, out);
        String file = "aansluiting-" + name + "-" + asOf + (knownAt == null ? "" : "-bekend-" + knownAt) + "."
                + how.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(how.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(out.toByteArray());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
