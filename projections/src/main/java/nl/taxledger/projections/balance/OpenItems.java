package nl.taxledger.projections.balance;

import java.util.List;

import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.projections.batch.BatchedWrites;
import nl.taxledger.projections.batch.BatchedWrites.Statement;

/**
 * Changes to the open amount of lines, cost items and interest items, summed per item over a processor batch.
 * Each must hit exactly one row ({@link BatchedWrites}): an item this projection never saw halts the processor.
 */
final class OpenItems {

    static final Statement LOWER_COSTS = Statement.deltaThenKey("costs open", "UPDATE balance_cost_item i"
            + " SET open_cents = i.open_cents - u.delta::bigint FROM " + BatchedWrites.unnest("delta", "a", "item")
            + " WHERE i.assessment_id = u.a AND i.cost_id = u.item");
    static final Statement LOWER_INTEREST = Statement.deltaThenKey("interest open", "UPDATE balance_interest_item i"
            + " SET open_cents = i.open_cents - u.delta::bigint FROM " + BatchedWrites.unnest("delta", "a", "item")
            + " WHERE i.assessment_id = u.a AND i.interest_id = u.item");
    static final Statement LOWER_PRINCIPAL = Statement.deltaThenKey("principal open", "UPDATE balance_line i"
            + " SET open_cents = i.open_cents - u.delta::bigint FROM " + BatchedWrites.unnest("delta", "a", "item")
            + " WHERE i.assessment_id = u.a AND i.line_id = u.item");

    private OpenItems() {
    }

    /** Money went onto the items: their open amounts go down. */
    static void lower(BatchedWrites writes, List<Allocation> allocations) {
        adjust(writes, allocations, 1);
    }

    /** Money was taken off the items: their open amounts go up again. */
    static void raise(BatchedWrites writes, List<Allocation> allocations) {
        adjust(writes, allocations, -1);
    }

    static void lowerLine(BatchedWrites writes, String assessmentId, String lineId, long amountCents) {
        lower(writes, assessmentId, Component.PRINCIPAL, lineId, amountCents);
    }

    static void lower(BatchedWrites writes, String assessmentId, Component component, String itemId, long amountCents) {
        writes.addDelta(statement(component), amountCents, assessmentId, itemId);
    }

    private static void adjust(BatchedWrites writes, List<Allocation> allocations, int sign) {
        for (Allocation allocation : allocations) {
            lower(writes, allocation.assessmentId(), allocation.component(), allocation.itemId(),
                    sign * allocation.amountCents());
        }
    }

    private static Statement statement(Component component) {
        return switch (component) {
            case COSTS -> LOWER_COSTS;
            case INTEREST -> LOWER_INTEREST;
            case PRINCIPAL -> LOWER_PRINCIPAL;
        };
    }
}
