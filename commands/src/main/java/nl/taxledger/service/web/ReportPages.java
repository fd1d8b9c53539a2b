package nl.taxledger.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.CellFacts;
import nl.taxledger.ledger.asof.FactsByDebtor;
import nl.taxledger.service.asof.AsOfReport;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.asof.Table;
import nl.taxledger.service.clock.LedgerClock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The accountant's pages: each reference-date report (the same fold and tables as {@code /api/reports} and
 * {@code replay-tools as-of}) at a peildatum and known-at date, with CSV and XLSX downloads from the API; the
 * reconciliation grid drills down, at the same dates, to the facts behind a cell; the collection rate is also a chart.
 */
@Controller
class ReportPages {
    private final DataSource dataSource;
    private final LedgerClock clock;
    private final DutchFormat format;
    private final AsOfReports reports = new AsOfReports();

    ReportPages(DataSource dataSource, LedgerClock clock, DutchFormat format) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.format = format;
    }

    /** A table as the page shows it: Dutch headers and every value already formatted. */
    record ShownTable(List<String> headers, List<Boolean> numeric, List<List<String>> rows) {}

    @GetMapping("/rapporten")
    String index() {
        return "reports";
    }

    @GetMapping("/rapporten/{report}")
    String report(
            @PathVariable String report,
            @RequestParam(required = false) String peildatum,
            @RequestParam(required = false) String bekendOp,
            Model model) {
        AsOfReport which = parse(report);
        LocalDate asOf = date(peildatum).orElse(clock.today());
        LocalDate knownAt = date(bekendOp).orElse(null);
        AsOfFold fold = reports.fold(dataSource, asOf, knownAt, EventStoreReader.NO_PROGRESS);
        Table table = which.table(fold);
        model.addAttribute("report", which.cliName());
        model.addAttribute("title", ReportWords.title(which));
        model.addAttribute("peildatum", format.date(asOf));
        model.addAttribute("bekendOp", knownAt == null ? "" : format.date(knownAt));
        model.addAttribute("table", shown(table));
        String query = "?asOf=" + asOf + (knownAt == null ? "" : "&knownAt=" + knownAt);
        model.addAttribute("csv", "/api/reports/" + which.cliName() + query + "&format=csv");
        model.addAttribute("xlsx", "/api/reports/" + which.cliName() + query + "&format=xlsx");
        if (which == AsOfReport.RECONCILIATION) {
            model.addAttribute("cells", table.rows()); // each links to its facts at the grid's dates
        }
        if (which == AsOfReport.COLLECTION_RATE) {
            model.addAttribute("chart", CollectionRateChart.svg(fold.collectionRate()));
        }
        return "report";
    }

    /**
     * The facts behind one cell of the grid at the grid's peildatum and known-at date: one pass over the store feeds
     * the same fold as the grid and the cell's {@link CellFacts}, which must add up to the grid's cell. With
     * {@code formaat=csv|xlsx} the same table as a download.
     */
    @GetMapping("/rapporten/aansluiting/{participantId}/{taxType}/{taxYear}")
    Object cell(
            @PathVariable String participantId,
            @PathVariable String taxType,
            @PathVariable int taxYear,
            @RequestParam(required = false) String peildatum,
            @RequestParam(required = false) String bekendOp,
            @RequestParam(required = false) String formaat,
            Model model) {
        LocalDate asOf = date(peildatum).orElse(clock.today());
        LocalDate knownAt = date(bekendOp).orElse(null);
        AsOfFold fold = new AsOfFold(asOf, knownAt);
        CellFacts facts = new CellFacts(asOf, knownAt, participantId, taxType, taxYear, WebReads.MAX_ROWS);
        // one debtor in memory at a time, as the grid's own fold, whatever the size of the ledger
        new EventStoreReader().readByDebtor(dataSource, FactsByDebtor.both(fold, facts), EventStoreReader.NO_PROGRESS);
        facts.checkAgainst(fold.finish(), participantId, taxType, taxYear);
        Table table = CellTable.of(facts);
        if (formaat != null) {
            return CellTable.download(table, formaat, asOf, knownAt, participantId + "-" + taxType + "-" + taxYear);
        }
        model.addAttribute("participantId", participantId);
        model.addAttribute("taxType", taxType);
        model.addAttribute("taxYear", taxYear);
        model.addAttribute("peildatum", format.date(asOf));
        model.addAttribute("bekendOp", knownAt == null ? "" : format.date(knownAt));
        model.addAttribute("facts", facts.facts());
        model.addAttribute("counted", facts.factsCounted());
        model.addAttribute("totals", CellTable.totals(facts));
        model.addAttribute("columns", List.of(CellFacts.Column.values()));
        model.addAttribute("max", WebReads.MAX_ROWS);
        return "cell";
    }

    ShownTable shown(Table table) {
        List<String> headers = table.columns().stream()
                .map(column -> ReportWords.column(column.name()))
                .toList();
        List<Boolean> numeric = table.columns().stream()
                .map(column -> column.kind() != Table.Kind.TEXT)
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                cells.add(value(table.columns().get(i).kind(), row[i]));
            }
            rows.add(cells);
        }
        return new ShownTable(headers, numeric, rows);
    }

    private String value(Table.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case AMOUNT -> format.money((Long) value);
            case PERCENT -> ((BigDecimal) value).toPlainString().replace('.', ',') + "%";
            case FLAG -> ((Boolean) value) ? "ja" : "nee";
            case COUNT, TEXT -> value.toString();
        };
    }

    private static AsOfReport parse(String report) {
        try {
            return AsOfReport.parse(report);
        } catch (IllegalArgumentException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "geen rapport " + report.toLowerCase(Locale.ROOT));
        }
    }

    private static java.util.Optional<LocalDate> date(String typed) {
        try {
            return DutchFormat.parseDate(typed);
        } catch (IllegalArgumentException notADate) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, notADate.getMessage());
        }
    }
}
