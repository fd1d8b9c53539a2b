package nl.taxledger.service.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.directdebit.DirectDebitQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Direct-debit runs (domain.md §10): every run issued with its number of transactions and total, one run's
 * transactions with the pain.008 link, and the form that prepares a run. The form posts to the command form of
 * {@code PrepareDirectDebitRun} ({@link CommandForms}), so a run prepared here is the same as one over REST, and a
 * refusal (a date that is no collection moment, a run already issued) comes back beside the date.
 */
@Controller
class DirectDebitPages {
    /** How many coming collection moments the form suggests. */
    private static final int MOMENTS_SUGGESTED = 3;

    private final DirectDebitQuery query;
    private final LedgerClock clock;

    DirectDebitPages(DirectDebitQuery query, LedgerClock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping("/incasso")
    String runs(Model model) {
        List<DirectDebitQuery.Run> runs = new ArrayList<>(query.runs());
        runs.sort(Comparator.comparing(DirectDebitQuery.Run::collectionDate).reversed());
        model.addAttribute("runs", runs);
        model.addAttribute("moments", comingMoments(clock.today()));
        model.addAttribute("commandId", UUID.randomUUID().toString());
        return "incasso";
    }

    @GetMapping("/incasso/{collectionDate}")
    String run(@PathVariable String collectionDate, Model model) {
        LocalDate date = date(collectionDate);
        DirectDebitQuery.Run run = query.run(date)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "geen incassorun op " + collectionDate));
        model.addAttribute("run", run);
        model.addAttribute("collections", query.collections(date));
        return "incasso-run";
    }

    /** The next collection moments on or after {@code today}: the dates a run can be prepared for. */
    static List<LocalDate> comingMoments(LocalDate today) {
        List<LocalDate> moments = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; moments.size() < MOMENTS_SUGGESTED && i <= MOMENTS_SUGGESTED; i++) {
            LocalDate moment = CollectionMoments.collectionMomentOf(month.plusMonths(i));
            if (!moment.isBefore(today)) {
                moments.add(moment);
            }
        }
        return moments;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "geen incassorun op " + value);
        }
    }
}
