package nl.taxledger.ledger.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.Component;

/**
 * One claim item of an assessment: a line (principal), a cost item or an interest item.
 * It knows what was charged, what came off it without money (reductions, remission,
 * write-off, cancellation) and which payment holds how much of what was paid on it.
 */
final class ClaimItem {
    final String assessmentId;
    final Component component;
    final String itemId;
    final LocalDate date;
    long chargedCents;
    /** Remitted, written off (net of reinstatement) or cancelled: off the item without money. */
    long settledWithoutMoneyCents;
    /** Allocation records: paymentId → cents that payment holds on this item. */
    private final Map<String, Long> holdingsCents = new LinkedHashMap<>();

    ClaimItem(String assessmentId, Component component, String itemId, LocalDate date, long chargedCents) {
        this.assessmentId = assessmentId;
        this.component = component;
        this.itemId = itemId;
        this.date = date;
        this.chargedCents = chargedCents;
    }

    long paidCents() {
        long total = 0;
        for (long cents : holdingsCents.values()) {
            total += cents;
        }
        return total;
    }

    long openCents() {
        long open = chargedCents - settledWithoutMoneyCents - paidCents();
        if (open < 0) {
            throw new IllegalStateException("item " + assessmentId + "/" + itemId + " is overpaid: open " + open);
        }
        return open;
    }

    long heldBy(String paymentId) {
        return holdingsCents.getOrDefault(paymentId, 0L);
    }

    void hold(String paymentId, long cents) {
        if (cents <= 0) {
            throw new IllegalStateException("allocation must be positive: " + cents);
        }
        holdingsCents.merge(paymentId, cents, Long::sum);
    }

    void release(String paymentId, long cents) {
        long held = heldBy(paymentId);
        if (cents <= 0 || cents > held) {
            throw new IllegalStateException("payment " + paymentId + " holds " + held + " on " + itemId + ", cannot release " + cents);
        }
        if (held == cents) {
            holdingsCents.remove(paymentId);
        } else {
            holdingsCents.put(paymentId, held - cents);
        }
    }

    /** Decides which payments give back {@code cents} of what they hold here, newest payment first. */
    List<Allocation> takeBackNewestFirst(long cents, ToLongFunction<String> paymentOrder) {
        List<String> newestFirst = new ArrayList<>(holdingsCents.keySet());
        newestFirst.sort(Comparator.comparingLong(paymentOrder).reversed());
        List<Allocation> takenBack = new ArrayList<>();
        long leftCents = cents;
        for (String paymentId : newestFirst) {
            if (leftCents == 0) {
                break;
            }
            long takeCents = Math.min(leftCents, heldBy(paymentId));
            takenBack.add(new Allocation(assessmentId, component, itemId, paymentId, takeCents));
            leftCents -= takeCents;
        }
        if (leftCents != 0) {
            throw new IllegalStateException("cannot take back " + cents + " from " + itemId + ": payments hold " + paidCents());
        }
        return takenBack;
    }

    // Value equality: Axon's test fixture compares the state after a command with the state
    // re-sourced from the events, which catches state changed outside event-sourcing handlers.
    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimItem that && assessmentId.equals(that.assessmentId) && component == that.component
                && itemId.equals(that.itemId) && date.equals(that.date) && chargedCents == that.chargedCents
                && settledWithoutMoneyCents == that.settledWithoutMoneyCents && holdingsCents.equals(that.holdingsCents);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(assessmentId, component, itemId);
    }
}
