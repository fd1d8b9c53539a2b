package nl.taxledger.projections.reconciliation;

import nl.taxledger.ledger.api.ReductionKind;

/** The columns of a reconciliation cell; stored by name in reconciliation_movement.measure. */
enum Measure {
    IMPOSED, VERMINDERING, ONTHEFFING, VERNIETIGING, REMISSION, UNCOLLECTIBLE, RECEIVED;

    static Measure of(ReductionKind kind) {
        return switch (kind) {
            case VERMINDERING -> VERMINDERING;
            case ONTHEFFING -> ONTHEFFING;
            case VERNIETIGING -> VERNIETIGING;
        };
    }
}
