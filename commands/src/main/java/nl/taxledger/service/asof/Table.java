package nl.taxledger.service.asof;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as columns and rows, before it is written as CSV, JSON or XLSX. Values by column
 * kind: TEXT a String, COUNT a Long, AMOUNT a Long of cents, PERCENT a BigDecimal or null,
 * FLAG a Boolean or null. Rows are added in the order they are written: callers sort.
 */
public final class Table {
    /** How a column's values are written. */
    public enum Kind {
        TEXT,
        COUNT,
        AMOUNT,
        PERCENT,
        FLAG
    }

    /** A column: its name in the header and its kind. */
    public record Column(String name, Kind kind) {}

    private final String title;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String title, List<Column> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    title + ": row of " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }
}
