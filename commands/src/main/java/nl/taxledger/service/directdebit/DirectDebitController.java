package nl.taxledger.service.directdebit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Direct-debit runs and their pain.008 files, and a debtor's mandates and terms (domain.md §10). Preparing a run goes
 * through the command endpoints ({@code POST /api/commands/PrepareDirectDebitRun}); this controller only reads.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "direct debit")
class DirectDebitController {
    private final DirectDebitQuery query;
    private final DirectDebitSettings settings;

    DirectDebitController(DirectDebitQuery query, DirectDebitSettings settings) {
        this.query = query;
        this.settings = settings;
    }

    /** A debtor's direct debit: its mandates and its terms in the runs issued. */
    record DebtorDirectDebit(
            String debtorId, List<DirectDebitQuery.Mandate> mandates, List<DirectDebitQuery.Term> terms) {}

    /** A run with its transactions. */
    record RunWithCollections(DirectDebitQuery.Run run, List<DirectDebitQuery.Collection> collections) {}

    @GetMapping("/direct-debit-runs")
    @Operation(summary = "every direct-debit run issued, by collection date: number of transactions and total")
    List<DirectDebitQuery.Run> runs() {
        return query.runs();
    }

    @GetMapping("/direct-debit-runs/{collectionDate}")
    @Operation(summary = "one direct-debit run with every transaction (EndToEndId, debtor, mandate, assessment, term)")
    RunWithCollections run(@PathVariable String collectionDate) {
        LocalDate date = date(collectionDate);
        return new RunWithCollections(issued(date), query.collections(date));
    }

    @GetMapping(path = "/direct-debit-runs/{collectionDate}/pain008.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(
            summary = "SEPA Core direct debit (pain.008.001.02) of a run: FRST and RCUR blocks, the debtors'"
                    + " IBANs from the erasable register; 404 for a run that collects nothing")
    ResponseEntity<byte[]> pain008(@PathVariable String collectionDate) {
        LocalDate date = date(collectionDate);
        DirectDebitQuery.Run run = issued(date);
        if (run.transactions() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the run of " + date + " collects nothing");
        }
        String xml = Pain008Writer.write(settings, run, query.debits(date));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + Pain008Writer.fileName(date) + "\"")
                .body(xml.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/debtors/{debtorId}/direct-debit")
    @Operation(
            summary = "a debtor's mandates (ACTIVE or ENDED with the reason) and its terms in the runs issued,"
                    + " each with the amount to collect and what the bank credited for it")
    DebtorDirectDebit debtor(@PathVariable String debtorId) {
        return new DebtorDirectDebit(debtorId, query.mandates(debtorId), query.terms(debtorId));
    }

    private DirectDebitQuery.Run issued(LocalDate date) {
        return query.run(date)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no direct-debit run for " + date));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "collectionDate is not an ISO date: " + value);
        }
    }
}
