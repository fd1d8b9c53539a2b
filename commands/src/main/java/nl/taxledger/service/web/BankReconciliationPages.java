package nl.taxledger.service.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.bank.BankReconciliation;
import nl.taxledger.service.bank.BankReconciliationReport;
import nl.taxledger.service.bank.BankStatementImport;
import nl.taxledger.service.clock.LedgerClock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bank reconciliation of one of the collector's accounts on a statement date (domain.md §9): the statement's
 * closing balance, the ledger's bank balance, the difference item by item and what is left unexplained, from the
 * same {@link BankReconciliationReport} as {@code GET /api/bank-reconciliation} (whose CSV and XLSX it links).
 */
@Controller
class BankReconciliationPages {
    private static final Map<BankReconciliation.ItemKind, String> KINDS = Map.of(
            BankReconciliation.ItemKind.OPENING_BALANCE, "Beginsaldo van het eerste afschrift",
            BankReconciliation.ItemKind.ACCEPTED_GAP, "Geaccepteerd gat tussen afschriften",
            BankReconciliation.ItemKind.UNRECONCILED_DEBIT, "Afschrijving die niet van ons is (bankkosten, onbekend)",
            BankReconciliation.ItemKind.PAYOUT_NOT_EXECUTED, "Uitbetaling geboekt, nog niet afgeschreven",
            BankReconciliation.ItemKind.PAYOUT_EXECUTED_BEFORE_BOOKED, "Uitbetaling afgeschreven vóór de boeking",
            BankReconciliation.ItemKind.RECEIPT_NOT_ON_STATEMENT, "Ontvangst geboekt, nog op geen afschrift",
            BankReconciliation.ItemKind.RECEIPT_BOOKED_LATER, "Ontvangst op afschrift, later gevalutteerd",
            BankReconciliation.ItemKind.REVERSAL_NOT_ON_STATEMENT, "Storno geboekt, nog op geen afschrift",
            BankReconciliation.ItemKind.REVERSAL_NOT_BOOKED, "Storno op afschrift, (nog) niet geboekt",
            BankReconciliation.ItemKind.AMOUNT_DIFFERS, "Bedrag verschilt tussen afschrift en grootboek");

    private final BankReconciliationReport reconciliation;
    private final BankStatementImport bank;
    private final LedgerClock clock;
    private final DutchFormat format;

    BankReconciliationPages(
            BankReconciliationReport reconciliation, BankStatementImport bank, LedgerClock clock, DutchFormat format) {
        this.reconciliation = reconciliation;
        this.bank = bank;
        this.clock = clock;
        this.format = format;
    }

    /** One explaining item as the page shows it. */
    record ShownItem(String kind, String kindText, String statementId, String reference, String text, long cents) {}

    @GetMapping("/bankreconciliatie")
    String page(
            @RequestParam(required = false) String rekening,
            @RequestParam(required = false) String datum,
            Model model) {
        List<Map<String, Object>> accounts = bank.accounts();
        LocalDate date = date(datum).orElse(clock.today());
        String account = rekening != null && !rekening.isBlank()
                ? rekening.trim()
                : accounts.isEmpty() ? null : (String) accounts.get(0).get("iban");
        model.addAttribute("accounts", accounts);
        model.addAttribute("rekening", account == null ? "" : account);
        model.addAttribute("datum", format.date(date));
        if (account == null) {
            return "bankreconciliatie";
        }
        try {
            BankReconciliation.Report report = reconciliation.reconcile(account, date);
            model.addAttribute("report", report);
            model.addAttribute(
                    "items",
                    report.items().stream()
                            .map(item -> new ShownItem(
                                    item.kind().name(),
                                    KINDS.getOrDefault(item.kind(), item.kind().name()),
                                    item.statementId(),
                                    item.key(),
                                    item.text(),
                                    item.cents()))
                            .toList());
            String query = "?account=" + account + "&date=" + date;
            model.addAttribute("csv", "/api/bank-reconciliation" + query + "&format=csv");
            model.addAttribute("xlsx", "/api/bank-reconciliation" + query + "&format=xlsx");
        } catch (LedgerRejection refused) {
            model.addAttribute("problem", refused);
        }
        return "bankreconciliatie";
    }

    private static java.util.Optional<LocalDate> date(String typed) {
        try {
            return DutchFormat.parseDate(typed);
        } catch (IllegalArgumentException notADate) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, notADate.getMessage());
        }
    }
}
