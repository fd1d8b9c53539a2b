package nl.taxledger.service.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.lookup.Directory;
import nl.taxledger.service.remittance.RemittanceQuery;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's pages: what waits for a second pair of eyes (remittance runs, refunds, IBAN changes: each
 * approved through its command form), the users, and the projections with a rebuild button.
 */
@Controller
class SupervisorPages {
    /** A participant's IBAN change waiting for approval. */
    record PendingIban(String participantId, String name, String iban, String requestedBy) {}

    private final WebReads reads;
    private final RemittanceQuery remittances;
    private final Directory directory;
    private final ProjectionSync projections;
    private final ProjectionRebuild rebuild;
    private final ObjectProvider<LocalUsers> users;

    SupervisorPages(
            WebReads reads,
            RemittanceQuery remittances,
            Directory directory,
            ProjectionSync projections,
            ProjectionRebuild rebuild,
            ObjectProvider<LocalUsers> users) {
        this.reads = reads;
        this.remittances = remittances;
        this.directory = directory;
        this.projections = projections;
        this.rebuild = rebuild;
        this.users = users;
    }

    @GetMapping("/goedkeuren")
    String approvals(Model model) {
        model.addAttribute("runs", reads.runs());
        model.addAttribute("refunds", reads.waitingRefunds());
        List<PendingIban> pending = remittances.participants().stream()
                .flatMap(p -> directory.pendingIbanChange(p.participantId()).stream()
                        .map(change ->
                                new PendingIban(p.participantId(), p.name(), change.iban(), change.requestedBy())))
                .toList();
        model.addAttribute("ibanChanges", pending);
        return "approvals";
    }

    @GetMapping("/gebruikers")
    String users(Model model) {
        model.addAttribute("users", localUsers().list());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @PostMapping("/gebruikers")
    String createUser(
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam Role role,
            @RequestParam(required = false) String participantId,
            RedirectAttributes redirect) {
        try {
            Optional<String> participant = Optional.ofNullable(participantId).filter(id -> !id.isBlank());
            localUsers().create(username.trim(), password, EnumSet.of(role), participant, Principals.currentName());
            redirect.addFlashAttribute("message", "Gebruiker " + username.trim() + " is aangemaakt.");
        } catch (LedgerRejection | IllegalArgumentException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/gebruikers";
    }

    @GetMapping("/verwerkers")
    String processors(Model model) {
        model.addAttribute("processors", projections.status());
        return "processors";
    }

    @PostMapping("/verwerkers/{name}/herbouwen")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        rebuild.rebuild(name);
        redirect.addFlashAttribute("message", "Herbouw van " + name + " is gestart.");
        return "redirect:/verwerkers";
    }

    private LocalUsers localUsers() {
        LocalUsers local = users.getIfAvailable();
        if (local == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "gebruikers staan bij de identity provider");
        }
        return local;
    }
}
