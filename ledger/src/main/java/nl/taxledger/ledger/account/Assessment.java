package nl.taxledger.ledger.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.allocation.OpenAssessment;
import nl.taxledger.ledger.allocation.OpenItem;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LineSpec;

/** An assessment inside a debtor's account: its lines, cost items and interest items. */
final class Assessment {
    final String assessmentId;
    final LocalDate issueDate;
    final LocalDate dueDate;
    final String paymentReference;
    final AssessmentKind kind;
    /** The tax assessment a bestuurlijke boete belongs to; null for a tax assessment. */
    final String belongsToAssessmentId;
    private final Map<Component, Map<String, ClaimItem>> items = new EnumMap<>(Component.class);
    /** Per line: reductions of every kind, which bound later reductions (EXCEEDS_LINE_AMOUNT). */
    private final Map<String, Long> reducedCentsByLine = new LinkedHashMap<>();
    /** Per line: written off, net of reinstatements. */
    private final Map<String, Long> writtenOffCentsByLine = new LinkedHashMap<>();

    Assessment(String assessmentId, LocalDate issueDate, LocalDate dueDate, String paymentReference,
               List<LineSpec> lines, AssessmentKind kind, String belongsToAssessmentId) {
        this.assessmentId = assessmentId;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.paymentReference = paymentReference;
        this.kind = kind;
        this.belongsToAssessmentId = belongsToAssessmentId;
        for (Component component : Component.values()) {
            items.put(component, new LinkedHashMap<>());
        }
        for (LineSpec line : lines) {
            add(new ClaimItem(assessmentId, Component.PRINCIPAL, line.lineId(), issueDate, line.amountCents()));
            reducedCentsByLine.put(line.lineId(), 0L);
            writtenOffCentsByLine.put(line.lineId(), 0L);
        }
    }

    void add(ClaimItem item) {
        if (items.get(item.component).putIfAbsent(item.itemId, item) != null) {
            throw new IllegalStateException("duplicate item " + item.itemId + " on " + assessmentId);
        }
    }

    ClaimItem item(Component component, String itemId) {
        return items.get(component).get(itemId);
    }

    ClaimItem existingItem(Component component, String itemId) {
        ClaimItem item = item(component, itemId);
        if (item == null) {
            throw new IllegalStateException("no " + component + " item " + itemId + " on " + assessmentId);
        }
        return item;
    }

    List<ClaimItem> items(Component component) {
        return new ArrayList<>(items.get(component).values());
    }

    List<ClaimItem> allItems() {
        List<ClaimItem> all = new ArrayList<>();
        for (Component component : Component.values()) {
            all.addAll(items.get(component).values());
        }
        return all;
    }

    long openCents(Component component) {
        long total = 0;
        for (ClaimItem item : items.get(component).values()) {
            total += item.openCents();
        }
        return total;
    }

    /** What is left of a line: imposed less reductions, remission and write-off (paid or not). */
    long leftOfLineCents(String lineId) {
        ClaimItem line = existingItem(Component.PRINCIPAL, lineId);
        return line.chargedCents - line.settledWithoutMoneyCents;
    }

    long writtenOffCents(String lineId) {
        return writtenOffCentsByLine.get(lineId);
    }

    void recordReduction(String lineId, long cents) {
        reducedCentsByLine.merge(lineId, cents, Long::sum);
        existingItem(Component.PRINCIPAL, lineId).chargedCents -= cents;
    }

    void recordWriteOff(String lineId, long cents) {
        writtenOffCentsByLine.merge(lineId, cents, Long::sum);
        existingItem(Component.PRINCIPAL, lineId).settledWithoutMoneyCents += cents;
    }

    /** Cost and interest items in art. 7 order (oldest first, by date then charge order). */
    OpenAssessment open() {
        return new OpenAssessment(assessmentId, issueDate, dueDate,
                openItemsOldestFirst(Component.COSTS), openItemsOldestFirst(Component.INTEREST),
                openItemsInOrder(Component.PRINCIPAL));
    }

    private List<OpenItem> openItemsOldestFirst(Component component) {
        List<ClaimItem> sorted = items(component);
        // stable sort: items of the same date keep the order in which they were charged
        sorted.sort((a, b) -> a.date.compareTo(b.date));
        return toOpen(sorted);
    }

    private List<OpenItem> openItemsInOrder(Component component) {
        return toOpen(items(component));
    }

    private static List<OpenItem> toOpen(List<ClaimItem> items) {
        List<OpenItem> open = new ArrayList<>(items.size());
        for (ClaimItem item : items) {
            open.add(new OpenItem(item.component, item.itemId, item.openCents()));
        }
        return open;
    }

    /** Value equality, for the test fixture's check that state changes only by events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Assessment that && assessmentId.equals(that.assessmentId)
                && issueDate.equals(that.issueDate) && dueDate.equals(that.dueDate)
                && java.util.Objects.equals(paymentReference, that.paymentReference) && items.equals(that.items)
                && kind == that.kind && java.util.Objects.equals(belongsToAssessmentId, that.belongsToAssessmentId)
                && reducedCentsByLine.equals(that.reducedCentsByLine) && writtenOffCentsByLine.equals(that.writtenOffCentsByLine);
    }

    @Override
    public int hashCode() {
        return assessmentId.hashCode();
    }
}
