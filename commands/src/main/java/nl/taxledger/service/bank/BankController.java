package nl.taxledger.service.bank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.projections.suspense.SuspenseProjection;
import nl.taxledger.service.asof.ReportFormat;
import nl.taxledger.service.asof.ReportWriter;
import nl.taxledger.service.commandapi.Callers;
import nl.taxledger.service.queryapi.ReadModels;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bank side (domain.md §9): the collector's accounts, statement import, the suspense worklist and the bank
 * reconciliation. Who, why and
 * source come from {@link Callers}, as for commands. An account is registered with the catalogue's command
 * {@code RegisterBankAccount} ({@code POST /api/commands/RegisterBankAccount}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "bank")
class BankController {
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private final BankStatementImport statementImport;
    private final SuspenseWorklist suspense;
    private final BankReconciliationReport reconciliation;

    BankController(
            BankStatementImport statementImport, SuspenseWorklist suspense, BankReconciliationReport reconciliation) {
        this.statementImport = statementImport;
        this.suspense = suspense;
        this.reconciliation = reconciliation;
    }

    @PostMapping(
            path = "/bank-statements",
            consumes = MediaType.APPLICATION_XML_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "importBankStatement",
            summary = "Import a camt.053 or camt.054 file, or a pain.002 status report on our direct-debit runs: every"
                    + " transaction with its payment, rule or reason, or what happened to the collection")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The camt or pain.002 file" + " as the bank sent it",
            content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "200",
            description = "Every statement and transaction: payment, rule or suspense"
                    + " reason, and what was booked before",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BankImportAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Bad Request: VALIDATION_FAILED (not camt or pain.002, schema fault with"
                    + " its place, no reason for an accepted gap)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(
            responseCode = "404",
            description = "Not Found: UNKNOWN_BANK_ACCOUNT",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(
            responseCode = "422",
            description = "Unprocessable Content: STATEMENT_UNBALANCED," + " STATEMENT_SEQUENCE_BROKEN, PERIOD_CLOSED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = PROBLEM_SCHEMA)))
    BankImportAnswer importStatement(
            @RequestBody byte[] xml,
            @RequestParam(defaultValue = "false") boolean acceptGap,
            @RequestParam(required = false) String reason,
            HttpServletRequest request) {
        return statementImport.importFile(
                xml, new BankStatementImport.Options(acceptGap, reason, null), Callers.actor(request));
    }

    @GetMapping(path = "/bank-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The collector's registered bank accounts with their latest statement")
    List<Map<String, Object>> bankAccounts() {
        return statementImport.accounts();
    }

    @GetMapping(path = "/suspense", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadModels(SuspenseProjection.PROCESSING_GROUP)
    @Operation(summary = "Suspense worklist, oldest first: the bank's text, counterparty and reason; ageing summary")
    SuspenseWorklist.Worklist suspense() {
        return suspense.worklist();
    }

    @GetMapping(path = "/bank-reconciliation", params = "!format", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "bankReconciliation",
            summary = "Bank reconciliation of one account on a statement date:"
                    + " the statement's closing balance, the ledger's bank balance, the difference item by item")
    @ApiResponse(
            responseCode = "200",
            description = "The reconciliation; unexplained is 0.00 or where says why",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReconciliationView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Not Found: UNKNOWN_BANK_ACCOUNT",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = PROBLEM_SCHEMA)))
    ReconciliationView reconciliation(
            @RequestParam String account, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ReconciliationView.of(reconciliation.reconcile(account, date));
    }

    @GetMapping(
            path = "/bank-reconciliation",
            params = "format",
            produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(
            operationId = "bankReconciliationFile",
            summary = "The bank reconciliation as an as-of report to" + " download: format=csv or xlsx")
    ResponseEntity<byte[]> reconciliationFile(
            @RequestParam String account,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String format) {
        ReportFormat how;
        try {
            how = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            how = ReportFormat.JSON;
        }
        if (how == ReportFormat.JSON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is csv or xlsx (without it: JSON)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(ReconciliationView.table(reconciliation.reconcile(account, date)), how, date, null, out);
        String fileName = "bankreconciliatie-" + account + "-" + date + "." + format.toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(how.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }
}
