package nl.taxledger.service.asof;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The reference-date reports over REST: the same fold and writer as {@code replay-tools as-of}. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports")
class ReportController {
    private final DataSource dataSource;
    private final AsOfReports reports = new AsOfReports();

    ReportController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping(path = "/{report}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "A report as of effective date asOf, as known at booking date knownAt (default: everything booked)")
    ResponseEntity<byte[]> report(@PathVariable String report,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate knownAt,
                                  @RequestParam(defaultValue = "json") String format) {
        AsOfReport which;
        ReportFormat how;
        try {
            which = AsOfReport.parse(report);
            how = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown report or format: " + report + ", " + format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(dataSource, which, how, asOf, knownAt, out, EventStoreReader.NO_PROGRESS);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(how.mediaType())).body(out.toByteArray());
    }
}
