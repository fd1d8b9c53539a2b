package nl.taxledger.service.web;

import java.util.List;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.remittance.RemittanceQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The participant portal (a participant's controller sees this and nothing of anyone else: the access table
 * scopes {@code /deelnemers/{participantId}} to its own id) and, for staff, the list of participants.
 */
@Controller
class ParticipantPages {
    private final RemittanceQuery remittances;
    private final ReconciliationQuery reconciliation;
    private final WebReads reads;
    private final LedgerClock clock;

    ParticipantPages(
            RemittanceQuery remittances, ReconciliationQuery reconciliation, WebReads reads, LedgerClock clock) {
        this.remittances = remittances;
        this.reconciliation = reconciliation;
        this.reads = reads;
        this.clock = clock;
    }

    /** The reserve held for one tax type and tax year after the latest remittance, and the year it is released. */
    record Reserve(String taxType, int taxYear, long heldCents, int releasedInYear) {}

    @GetMapping("/deelnemers")
    String list(Model model) {
        model.addAttribute("participants", remittances.participants());
        return "participants";
    }

    @GetMapping("/deelnemers/{participantId}")
    String portal(@PathVariable String participantId, Model model) {
        RemittanceQuery.ParticipantAccount participant = remittances
                .participant(participantId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen deelnemer " + participantId));
        List<RemittanceQuery.Remittance> issued = remittances.ofParticipant(participantId);
        model.addAttribute("participant", participant);
        List<RemittanceQuery.Remittance> newestFirst = new java.util.ArrayList<>(issued);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("remittances", newestFirst);
        model.addAttribute("position", remittances.position(participantId, clock.today()));
        model.addAttribute(
                "cells",
                reconciliation.all().stream()
                        .filter(cell -> cell.participantId().equals(participantId))
                        .toList());
        int reserveYears = reads.reserveYears(participantId);
        model.addAttribute("reserveYears", reserveYears);
        model.addAttribute(
                "reserves",
                issued.isEmpty()
                        ? List.of()
                        : issued.get(issued.size() - 1).lines().stream()
                                .filter(line -> line.reserveHeldAfterCents() != 0)
                                .map(line -> new Reserve(
                                        line.taxType(),
                                        line.taxYear(),
                                        line.reserveHeldAfterCents(),
                                        line.taxYear() + reserveYears))
                                .toList());
        return "participant";
    }
}
