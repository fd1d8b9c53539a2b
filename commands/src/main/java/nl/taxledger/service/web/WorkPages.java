package nl.taxledger.service.web;

import java.io.IOException;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.bank.BankImportAnswer;
import nl.taxledger.service.bank.BankStatementImport;
import nl.taxledger.service.bank.SuspenseWorklist;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.security.Principals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The clerk's morning: the suspense worklist (assign through the command form) and the day's bank file. */
@Controller
class WorkPages {
    private final SuspenseWorklist suspense;
    private final BankStatementImport bank;

    WorkPages(SuspenseWorklist suspense, BankStatementImport bank) {
        this.suspense = suspense;
        this.bank = bank;
    }

    @GetMapping("/suspense")
    String suspense(Model model) {
        model.addAttribute("worklist", suspense.worklist());
        return "suspense";
    }

    @GetMapping("/bankbestanden")
    String bankForm(Model model) {
        model.addAttribute("accounts", bank.accounts());
        return "bank";
    }

    @PostMapping("/bankbestanden")
    String upload(
            @RequestParam("bestand") MultipartFile file,
            @RequestParam(required = false) String toelichting,
            Model model)
            throws IOException {
        try {
            BankImportAnswer answer = bank.importFile(
                    file.getBytes(),
                    new BankStatementImport.Options(false, null, null),
                    new Actor(Principals.currentName(), blankToNull(toelichting), "web:" + file.getOriginalFilename()));
            model.addAttribute("answer", answer);
        } catch (LedgerRejection refused) {
            model.addAttribute("problem", refused);
        }
        // after the import: the accounts' latest statement includes this file's
        model.addAttribute("accounts", bank.accounts());
        return "bank";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
