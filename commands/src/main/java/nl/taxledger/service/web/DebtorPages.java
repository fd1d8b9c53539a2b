package nl.taxledger.service.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.history.DebtorHistoryQuery;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.directdebit.DirectDebitQuery;
import nl.taxledger.service.lookup.Directory;
import nl.taxledger.service.queryapi.ReadModels;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A debtor on the phone: search by subject number, assessment number or payment reference; the account now or as
 * it was (peildatum: effective date, bekend op: booking date), with the full history of facts and their metadata.
 */
@Controller
class DebtorPages {
    /** Facts about arrangements, deferrals and mandates: shown as their own list on the account. */
    private static final Set<String> AGREEMENT_WORDS = Set.of("Arrangement", "Deferral", "Mandate", "DirectDebit");

    private final DebtorAccountQuery accounts;
    private final DebtorHistoryQuery history;
    private final Directory directory;
    private final DataSource dataSource;
    private final DirectDebitQuery directDebit;
    private final AsOfReports asOf = new AsOfReports();

    DebtorPages(
            DebtorAccountQuery accounts,
            DebtorHistoryQuery history,
            Directory directory,
            DataSource dataSource,
            DirectDebitQuery directDebit) {
        this.accounts = accounts;
        this.directDebit = directDebit;
        this.history = history;
        this.directory = directory;
        this.dataSource = dataSource;
    }

    /** How a search found its debtor, for the result line. */
    record Hit(String debtorId, String foundBy) {}

    @GetMapping("/debiteuren")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        if (query == null || query.isBlank()) {
            return "debtor-search";
        }
        List<Hit> hits = find(query.trim());
        if (hits.size() == 1) {
            return "redirect:/debiteuren/" + hits.get(0).debtorId();
        }
        model.addAttribute("hits", hits);
        return "debtor-search";
    }

    private List<Hit> find(String query) {
        List<Hit> hits = new ArrayList<>();
        if (directory.debtorExists(query)) {
            hits.add(new Hit(query, "subjectnummer"));
        }
        directory.debtorOfAssessment(query).ifPresent(debtor -> hits.add(new Hit(debtor, "aanslagnummer")));
        directory
                .assessmentByPaymentReference(query)
                .map(Directory.AssessmentRef::debtorId)
                .ifPresent(debtor -> hits.add(new Hit(debtor, "betalingskenmerk")));
        // one debtor found two ways (an assessment number that is also its payment reference) is one hit
        java.util.Map<String, Hit> byDebtor = new java.util.LinkedHashMap<>();
        hits.forEach(hit -> byDebtor.putIfAbsent(hit.debtorId(), hit));
        return List.copyOf(byDebtor.values());
    }

    /** From a booking's confirmation the link carries its position, so the page shows the booking (read-your-writes). */
    @GetMapping("/debiteuren/{debtorId}")
    @ReadModels({DebtorBalanceProjection.PROCESSING_GROUP, DebtorHistoryProjection.PROCESSING_GROUP})
    String account(
            @PathVariable String debtorId,
            @RequestParam(required = false) String peildatum,
            @RequestParam(required = false) String bekendOp,
            Model model) {
        DebtorAccountQuery.DebtorAccount account = accounts.find(debtorId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen debiteur " + debtorId));
        Optional<LocalDate> effective = date(peildatum);
        Optional<LocalDate> known = date(bekendOp);
        List<DebtorHistoryQuery.Fact> facts = history.history(debtorId).stream()
                .filter(fact -> known.isEmpty() || !fact.bookingDate().isAfter(known.get()))
                .filter(fact -> effective.isEmpty()
                        || fact.effectiveDate() == null
                        || !fact.effectiveDate().isAfter(effective.get()))
                .toList();
        model.addAttribute("account", account);
        model.addAttribute("facts", facts);
        model.addAttribute(
                "agreements",
                facts.stream()
                        .filter(fact -> AGREEMENT_WORDS.stream().anyMatch(fact.eventType()::contains))
                        .toList());
        // mandates and terms as they stand now (command-side tables): shown with the account of now
        model.addAttribute("mandates", directDebit.mandates(debtorId));
        model.addAttribute("terms", directDebit.terms(debtorId));
        model.addAttribute("peildatum", peildatum == null ? "" : peildatum);
        model.addAttribute("bekendOp", bekendOp == null ? "" : bekendOp);
        if (effective.isPresent() || known.isPresent()) {
            model.addAttribute("position", position(debtorId, effective.orElse(null), known.orElse(null)));
        }
        return "debtor";
    }

    /** The debtor as of the picked dates: the same fold as the as-of reports (empty: nothing known then). */
    private DebtorPosition position(String debtorId, LocalDate effective, LocalDate known) {
        return asOf.fold(dataSource, effective, known, EventStoreReader.NO_PROGRESS).debtors().stream()
                .filter(position -> position.debtorId().equals(debtorId))
                .findFirst()
                .orElse(new DebtorPosition(debtorId, 0, List.of()));
    }

    private static Optional<LocalDate> date(String typed) {
        try {
            return DutchFormat.parseDate(typed);
        } catch (IllegalArgumentException notADate) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, notADate.getMessage());
        }
    }
}
