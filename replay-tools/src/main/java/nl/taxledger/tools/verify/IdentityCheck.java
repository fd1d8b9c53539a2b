package nl.taxledger.tools.verify;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.ledger.asof.TrialBalanceRow;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;

/**
 * The reconciliation identities of domain.md §6 over the full history, recomputed from the stored events by the
 * as-of fold (the same code as {@code replay-tools as-of}), not read from the projections: a tampered row that
 * still hashes wrong is caught by the chain, this catches a history that no longer adds up.
 */
final class IdentityCheck {

    record Outcome(List<String> problems, String summary) {
    }

    Outcome run(DataSource dataSource) {
        AsOfFold fold;
        List<ReconciliationCell> cells;
        try {
            fold = new AsOfReports().fold(dataSource, null, null, EventStoreReader.NO_PROGRESS);
            cells = fold.reconciliation(); // each cell asserts imposed − … − received = outstanding
        } catch (RuntimeException failure) {
            return new Outcome(List.of("the full history cannot be folded: " + failure.getMessage()), "not computed");
        }
        List<String> problems = new ArrayList<>();
        long trialBalanceCents = 0;
        for (TrialBalanceRow row : fold.trialBalance()) {
            trialBalanceCents = Math.addExact(trialBalanceCents, row.balanceCents());
        }
        if (trialBalanceCents != 0) {
            problems.add("trial balance is " + trialBalanceCents + " cents, not 0");
        }
        long outstandingCents = 0;
        for (ReconciliationCell cell : cells) {
            outstandingCents = Math.addExact(outstandingCents, cell.outstandingCents());
        }
        long openPrincipalCents = 0;
        for (DebtorPosition debtor : fold.debtors()) {
            for (DebtorPosition.AssessmentPosition assessment : debtor.assessments()) {
                openPrincipalCents = Math.addExact(openPrincipalCents, assessment.openPrincipalCents());
            }
        }
        if (openPrincipalCents != outstandingCents) {
            problems.add("debtors' open principal " + openPrincipalCents + " cents differs from outstanding "
                    + outstandingCents + " cents");
        }
        return new Outcome(problems, fold.factsSeen() + " facts, " + cells.size()
                + " reconciliation cells balanced, trial balance " + trialBalanceCents
                + ", open principal " + openPrincipalCents + " = outstanding " + outstandingCents);
    }
}
