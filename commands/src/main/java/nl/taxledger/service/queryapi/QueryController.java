package nl.taxledger.service.queryapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.history.DebtorHistoryQuery;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read side: a debtor's account (open costs, interest and principal per assessment and line,
 * credit, payments), its full history of facts with metadata, the reconciliation per
 * participant × tax type × tax year (suspense: the bank package's worklist). Amounts are cents ({@code …Cents}).
 * Each query names the read models it reads ({@link ReadModels}) and so takes a minimum position.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "queries")
class QueryController {
    private final DebtorAccountQuery debtors;
    private final DebtorHistoryQuery history;
    private final ReconciliationQuery reconciliation;

    QueryController(DebtorAccountQuery debtors, DebtorHistoryQuery history, ReconciliationQuery reconciliation) {
        this.debtors = debtors;
        this.history = history;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/debtors/{debtorId}")
    @ReadModels(DebtorBalanceProjection.PROCESSING_GROUP)
    @Operation(summary = "A debtor's account: open amounts per assessment and line, credit and payments")
    DebtorAccountQuery.DebtorAccount debtor(@PathVariable String debtorId) {
        return debtors.find(debtorId)
                .orElseThrow(() -> new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, "no debtor " + debtorId));
    }

    @GetMapping("/debtors/{debtorId}/history")
    @ReadModels(DebtorHistoryProjection.PROCESSING_GROUP)
    @Operation(summary = "Every fact about a debtor in stored order, with who, why, source and commandId")
    List<DebtorHistoryQuery.Fact> debtorHistory(@PathVariable String debtorId) {
        return history.history(debtorId);
    }

    @GetMapping("/reconciliation")
    @ReadModels(ReconciliationProjection.PROCESSING_GROUP)
    @Operation(summary = "Reconciliation (gerealiseerde opbrengst) per participant × tax type × tax year")
    List<ReconciliationQuery.Cell> reconciliation(@RequestParam(required = false) String participantId) {
        return reconciliation.all().stream()
                .filter(cell -> participantId == null || cell.participantId().equals(participantId))
                .toList();
    }

    @GetMapping("/reconciliation/{participantId}/{taxType}/{taxYear}")
    @ReadModels(ReconciliationProjection.PROCESSING_GROUP)
    @Operation(summary = "One reconciliation cell")
    ReconciliationQuery.Cell cell(
            @PathVariable String participantId, @PathVariable String taxType, @PathVariable int taxYear) {
        return reconciliation
                .cell(participantId, taxType, taxYear)
                .orElseThrow(() -> new LedgerRejection(
                        ErrorCode.UNKNOWN_PARTICIPANT,
                        "no reconciliation cell " + participantId + "/" + taxType + "/" + taxYear));
    }

    @GetMapping("/reconciliation/totals")
    @ReadModels({ReconciliationProjection.PROCESSING_GROUP, DebtorBalanceProjection.PROCESSING_GROUP})
    @Operation(summary = "Sum of all debtors' open principal against the sum of outstanding: they must be equal")
    ReconciliationQuery.Totals totals() {
        return reconciliation.totals();
    }
}
