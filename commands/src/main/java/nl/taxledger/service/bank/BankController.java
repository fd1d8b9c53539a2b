package nl.taxledger.service.bank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.BankRequests;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.commandapi.CommandService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank side (domain.md §9): the collector's accounts, statement import, and the suspense worklist. Who, why and
 * source travel in the headers {@code X-Ledger-Who}, {@code X-Ledger-Why}, {@code X-Ledger-Source} as for commands.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "bank")
class BankController {
    private final BankStatementImport statementImport;
    private final CommandService commands;
    private final SuspenseWorklist suspense;
    private final JdbcTemplate jdbc;

    BankController(BankStatementImport statementImport, CommandService commands, SuspenseWorklist suspense,
                   JdbcTemplate jdbc) {
        this.statementImport = statementImport;
        this.commands = commands;
        this.suspense = suspense;
        this.jdbc = jdbc;
    }

    @PostMapping(path = "/bank-statements", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Import a camt.053 or camt.054 file: every transaction with its payment, rule or reason")
    BankImportAnswer importStatement(@RequestBody byte[] xml,
                                     @RequestParam(defaultValue = "false") boolean acceptGap,
                                     @RequestParam(required = false) String reason,
                                     @RequestHeader HttpHeaders headers) {
        return statementImport.importFile(xml, new BankStatementImport.Options(acceptGap, reason, null),
                actor(headers));
    }

    @PostMapping(path = "/bank-accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "RegisterBankAccount: one of the collector's own accounts (RECEIPTS, DIRECT_DEBIT, PAYOUT)")
    CommandOutcome registerBankAccount(@RequestBody BankRequests.RegisterBankAccountRequest body,
                                       @RequestHeader HttpHeaders headers) {
        return commands.submit("RegisterBankAccount", body, actor(headers));
    }

    @GetMapping("/bank-accounts")
    @Operation(summary = "The collector's registered bank accounts with their latest statement")
    List<Map<String, Object>> bankAccounts() {
        return jdbc.queryForList("SELECT a.iban, a.purpose, a.name, s.statement_id AS latest_statement,"
                + " s.statement_date AS latest_statement_date, s.closing_cents AS latest_closing_cents"
                + " FROM bank_account a LEFT JOIN LATERAL (SELECT * FROM bank_statement b WHERE b.iban = a.iban"
                + " ORDER BY statement_date DESC, electronic_sequence DESC NULLS LAST LIMIT 1) s ON true ORDER BY a.iban");
    }

    @GetMapping("/suspense")
    @Operation(summary = "Suspense worklist, oldest first: the bank's text, counterparty and reason; ageing summary")
    SuspenseWorklist.Worklist suspense() {
        return suspense.worklist();
    }

    private static Actor actor(HttpHeaders headers) {
        return new Actor(headers.getFirst("X-Ledger-Who"), headers.getFirst("X-Ledger-Why"),
                headers.getFirst("X-Ledger-Source") == null ? "api" : headers.getFirst("X-Ledger-Source"));
    }
}
