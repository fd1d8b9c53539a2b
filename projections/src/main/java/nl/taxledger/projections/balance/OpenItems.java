package nl.taxledger.projections.balance;

import java.util.ArrayList;
import java.util.List;

import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.Component;
import org.springframework.jdbc.core.JdbcTemplate;

/** SQL-side changes to the open amount of lines, cost items and interest items. */
final class OpenItems {

    private final JdbcTemplate jdbc;

    OpenItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Money went onto the items: their open amounts go down. */
    void lower(List<Allocation> allocations) {
        adjust(allocations, 1);
    }

    /** Money was taken off the items: their open amounts go up again. */
    void raise(List<Allocation> allocations) {
        adjust(allocations, -1);
    }

    void lowerLine(String assessmentId, String lineId, long amountCents) {
        lower(assessmentId, Component.PRINCIPAL, lineId, amountCents);
    }

    void lower(String assessmentId, Component component, String itemId, long amountCents) {
        Updates.exactlyOne(jdbc, component + " item " + assessmentId + "/" + itemId,
                lowerSql(component), amountCents, assessmentId, itemId);
    }

    private void adjust(List<Allocation> allocations, int sign) {
        for (Component component : Component.values()) {
            List<Object[]> rows = new ArrayList<>();
            for (Allocation allocation : allocations) {
                if (allocation.component() == component) {
                    rows.add(new Object[] {sign * allocation.amountCents(), allocation.assessmentId(), allocation.itemId()});
                }
            }
            if (!rows.isEmpty()) {
                Updates.eachExactlyOne(jdbc, component + " items " + describe(rows), lowerSql(component), rows);
            }
        }
    }

    private static String lowerSql(Component component) {
        return switch (component) {
            case COSTS -> "UPDATE balance_cost_item SET open_cents = open_cents - ? WHERE assessment_id = ? AND cost_id = ?";
            case INTEREST -> "UPDATE balance_interest_item SET open_cents = open_cents - ?"
                    + " WHERE assessment_id = ? AND interest_id = ?";
            case PRINCIPAL -> "UPDATE balance_line SET open_cents = open_cents - ? WHERE assessment_id = ? AND line_id = ?";
        };
    }

    private static String describe(List<Object[]> rows) {
        return rows.stream().map(r -> r[1] + "/" + r[2]).toList().toString();
    }
}
