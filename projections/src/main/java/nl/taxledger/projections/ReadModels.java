package nl.taxledger.projections;

import java.util.List;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.suspense.SuspenseProjection;

/**
 * The read models and the one event processor that feeds them all. Each read model is its own processing group
 * (its name in the rebuild API and on the processors page); the service assigns all of them to {@link #PROCESSOR},
 * so every event is read from the store and deserialised once for all four instead of once per model, and a
 * processor batch writes all models in one transaction with the one token (issue 14). A failure in any model halts
 * them all, and a rebuild rebuilds them all (see the service's {@code ProjectionRebuild}).
 */
public final class ReadModels {

    /** The name of the processor (and of its rows in the token store). */
    public static final String PROCESSOR = "read-models";

    /** The processing groups of the read models, in the order the processors page lists them. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            DebtorBalanceProjection.PROCESSING_GROUP,
            ReconciliationProjection.PROCESSING_GROUP,
            SuspenseProjection.PROCESSING_GROUP,
            DebtorHistoryProjection.PROCESSING_GROUP);

    private ReadModels() {}
}
