package nl.taxledger.ledger.remittance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.taxledger.ledger.api.RemittanceLine;

/**
 * The remittance rule of domain.md §5 as a pure function: no Axon, no clock, no I/O.
 *
 * <p>The reserve is defined per tax year T: {@code round_half_up(rate × cumulative receipts of (P,T))}. A statement
 * shows it per tax type as well, so each year's reserve is split over its tax types: every type gets its own
 * rounded share and the year's rounding residual (a cent or so) goes to the type with the largest cumulative
 * receipts. Totals therefore follow the rule book to the cent, and the lines always add up to the totals.
 */
public final class RemittanceCalculator {
    private RemittanceCalculator() {
    }

    /** The participant's policy in force for the period. */
    public record Policy(BigDecimal reserveRate, int reserveYears) {
    }

    /** What earlier remittances covered: receipts and reserve held per tax type and year, and the shortfall carried. */
    public record Covered(Map<TaxKey, Long> receiptsCents, Map<TaxKey, Long> reserveHeldCents, long carriedForwardCents) {
        public static final Covered NOTHING = new Covered(Map.of(), Map.of(), 0);
    }

    /** The figures of one remittance. */
    public record Result(List<RemittanceLine> lines, long receiptsCents, long reserveWithheldCents,
                         long reserveReleasedCents, long carriedForwardInCents, long amountCents,
                         long carriedForwardOutCents) {
    }

    /**
     * @param cumulativeReceiptsCents every receipt per tax type and year booked up to and including the period end
     */
    public static Result compute(Policy policy, LocalDate periodEnd, Map<TaxKey, Long> cumulativeReceiptsCents,
                                 Covered covered) {
        // Y follows the calendar, not the ISO week-year: the week ending Sunday 3 Jan 2027 has Y = 2027
        int firstYearInWindow = periodEnd.getYear() - policy.reserveYears() + 1;
        TreeSet<TaxKey> keys = new TreeSet<>(cumulativeReceiptsCents.keySet());
        keys.addAll(covered.receiptsCents().keySet());
        keys.addAll(covered.reserveHeldCents().keySet());
        Map<TaxKey, Long> heldAfter = reserveHeldAfter(policy.reserveRate(), firstYearInWindow, keys, cumulativeReceiptsCents);

        List<RemittanceLine> lines = new ArrayList<>();
        long receipts = 0;
        long withheld = 0;
        long released = 0;
        for (TaxKey key : keys) {
            long lineReceipts = Math.subtractExact(cumulativeReceiptsCents.getOrDefault(key, 0L),
                    covered.receiptsCents().getOrDefault(key, 0L));
            long before = covered.reserveHeldCents().getOrDefault(key, 0L);
            long after = heldAfter.getOrDefault(key, 0L);
            boolean inWindow = key.taxYear() >= firstYearInWindow;
            long lineWithheld = inWindow ? after - before : 0;
            long lineReleased = inWindow ? 0 : before;
            if (lineReceipts == 0 && before == 0 && after == 0) {
                continue;
            }
            lines.add(new RemittanceLine(key.taxType(), key.taxYear(), lineReceipts, before, after, lineWithheld, lineReleased));
            receipts = Math.addExact(receipts, lineReceipts);
            withheld = Math.addExact(withheld, lineWithheld);
            released = Math.addExact(released, lineReleased);
        }
        long carriedIn = covered.carriedForwardCents();
        long raw = receipts - withheld + released - carriedIn;
        long amount = Math.max(raw, 0);
        long carriedOut = raw < 0 ? -raw : 0;
        return new Result(List.copyOf(lines), receipts, withheld, released, carriedIn, amount, carriedOut);
    }

    /** Reserve held after this remittance per tax type and year: per year by the rule, split over its types. */
    static Map<TaxKey, Long> reserveHeldAfter(BigDecimal rate, int firstYearInWindow, Iterable<TaxKey> keys,
                                              Map<TaxKey, Long> cumulativeReceiptsCents) {
        SortedMap<Integer, List<TaxKey>> byYear = new TreeMap<>();
        for (TaxKey key : keys) {
            if (key.taxYear() >= firstYearInWindow) {
                byYear.computeIfAbsent(key.taxYear(), year -> new ArrayList<>()).add(key);
            }
        }
        Map<TaxKey, Long> held = new TreeMap<>();
        for (List<TaxKey> types : byYear.values()) {
            long yearReceipts = 0;
            long shares = 0;
            TaxKey largest = types.get(0);
            for (TaxKey key : types) {
                long cumulative = cumulativeReceiptsCents.getOrDefault(key, 0L);
                yearReceipts = Math.addExact(yearReceipts, cumulative);
                long share = reserveCents(rate, cumulative);
                held.put(key, share);
                shares += share;
                if (cumulative > cumulativeReceiptsCents.getOrDefault(largest, 0L)) {
                    largest = key;
                }
            }
            held.merge(largest, reserveCents(rate, yearReceipts) - shares, Long::sum);
        }
        return held;
    }

    /** round_half_up(rate × receipts) to whole cents; BigDecimal only for the multiplication. */
    public static long reserveCents(BigDecimal rate, long receiptsCents) {
        return rate.multiply(BigDecimal.valueOf(receiptsCents)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
