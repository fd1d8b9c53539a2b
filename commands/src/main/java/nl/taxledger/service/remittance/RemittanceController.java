package nl.taxledger.service.remittance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.clock.LedgerClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issued remittances and their files. Issuing goes through the command endpoints
 * ({@code POST /api/commands/IssueRemittance}); this controller only reads.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "remittances")
class RemittanceController {
    private static final String CSV_VALUE = "text/csv";
    private static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType CSV = MediaType.parseMediaType(CSV_VALUE + ";charset=UTF-8");
    private static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);
    /** Response header: the message id of a released payment file. */
    static final String MESSAGE_ID = "Payment-Message-Id";
    private final RemittanceQuery query;
    private final RemittanceFiles files;
    private final PaymentReleases releases;
    private final LedgerClock clock;

    RemittanceController(RemittanceQuery query, RemittanceFiles files, PaymentReleases releases, LedgerClock clock) {
        this.query = query;
        this.files = files;
        this.releases = releases;
        this.clock = clock;
    }

    @GetMapping("/participants/{participantId}/remittances")
    @Operation(summary = "every remittance issued to a participant, oldest first")
    List<RemittanceQuery.Remittance> list(@PathVariable String participantId) {
        knownParticipant(participantId);
        return query.ofParticipant(participantId);
    }

    @GetMapping("/participants/{participantId}/remittances/{periodEnd}")
    @Operation(summary = "one remittance with its lines per tax type and tax year")
    RemittanceQuery.Remittance show(@PathVariable String participantId, @PathVariable String periodEnd) {
        return remittance(participantId, periodEnd);
    }

    @GetMapping(path = "/participants/{participantId}/remittances/{periodEnd}/statement.csv", produces = CSV_VALUE)
    @Operation(summary = "statement as CSV (';', UTF-8 with BOM, decimal comma)")
    ResponseEntity<byte[]> statementCsv(@PathVariable String participantId, @PathVariable String periodEnd) {
        RemittanceQuery.Remittance remittance = remittance(participantId, periodEnd);
        return download(files.statementCsv(remittance), CSV, "afdracht-" + participantId + "-" + periodEnd + ".csv");
    }

    @GetMapping(path = "/participants/{participantId}/remittances/{periodEnd}/statement.xlsx", produces = XLSX_VALUE)
    @Operation(summary = "statement as XLSX")
    ResponseEntity<byte[]> statementXlsx(@PathVariable String participantId, @PathVariable String periodEnd) {
        RemittanceQuery.Remittance remittance = remittance(participantId, periodEnd);
        return download(files.statementXlsx(remittance), XLSX, "afdracht-" + participantId + "-" + periodEnd + ".xlsx");
    }

    @GetMapping("/participants/{participantId}/position")
    @Operation(summary = "receipts = remitted + reserve held + not yet remitted − carried forward, booked up to today")
    RemittanceQuery.Position position(@PathVariable String participantId) {
        knownParticipant(participantId);
        return query.position(participantId, clock.today());
    }

    @GetMapping(path = "/remittance-runs/{periodEnd}/pain001.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "SEPA credit transfer (pain.001.001.09) paying every participant's positive amount of the"
            + " run, as released by a supervisor's ApproveRemittanceRun; before that 409 APPROVAL_REQUIRED")
    ResponseEntity<byte[]> pain001(@PathVariable String periodEnd) {
        PaymentReleases.ReleasedFile file = releases.remittanceRun(date("periodEnd", periodEnd));
        return released(file, "afdracht-" + periodEnd + ".pain001.xml");
    }

    @GetMapping("/refund-batches")
    @Operation(summary = "released refund payment files (ApproveRefunds), newest first")
    List<PaymentReleases.Release> refundBatches() {
        return releases.list(PaymentReleases.Kind.REFUND_BATCH);
    }

    @GetMapping(path = "/refund-batches/{batchId}/pain001.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "SEPA credit transfer (pain.001.001.09) of one released refund batch")
    ResponseEntity<byte[]> refundBatch(@PathVariable String batchId) {
        return released(releases.refundBatch(batchId), "teruggaaf-" + batchId + ".pain001.xml");
    }

    private static ResponseEntity<byte[]> released(PaymentReleases.ReleasedFile file, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(MESSAGE_ID, file.messageId()).body(file.bytes());
    }

    @GetMapping(path = "/reports/weekly", produces = CSV_VALUE)
    @Operation(summary = "gerealiseerde opbrengsten en uit te betalen voorschotten, as CSV; ?participantId= for one")
    ResponseEntity<byte[]> weekly(@RequestParam String periodEnd,
                                  @RequestParam(required = false) String participantId) {
        LocalDate end = date("periodEnd", periodEnd);
        byte[] csv = participantId == null ? files.weeklyReport(end) : files.weeklyReport(end, participantId);
        return download(csv, CSV, "opbrengsten-voorschotten-" + periodEnd + ".csv");
    }

    private RemittanceQuery.Remittance remittance(String participantId, String periodEnd) {
        LocalDate end = date("periodEnd", periodEnd);
        knownParticipant(participantId);
        return query.find(participantId, end).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no remittance for " + participantId + " with period end " + end));
    }

    private void knownParticipant(String participantId) {
        if (query.participant(participantId).isEmpty()) {
            throw new LedgerRejection(ErrorCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, field + " is not an ISO date: " + value);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
