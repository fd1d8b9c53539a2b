package nl.taxledger.projections;

import java.util.List;
import java.util.Map;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.suspense.SuspenseProjection;

/**
 * The tables each projection writes, by its processing group: what a rebuild of that group empties and fills
 * again, and what a check that two builds agree compares. Kept with the projections so a new read model's tables
 * are named once, next to the migration that creates them.
 */
public final class ProjectionTables {

    public static final Map<String, List<String>> BY_PROCESSING_GROUP = Map.of(
            DebtorBalanceProjection.PROCESSING_GROUP, List.of("balance_debtor", "balance_assessment", "balance_line",
                    "balance_cost_item", "balance_interest_item", "balance_payment"),
            ReconciliationProjection.PROCESSING_GROUP, List.of("reconciliation_line", "reconciliation_movement"),
            SuspenseProjection.PROCESSING_GROUP, List.of("suspense_item"),
            DebtorHistoryProjection.PROCESSING_GROUP, List.of("history_fact"));

    private ProjectionTables() {
    }
}
