package nl.taxledger.ledger.asof.oracle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.asof.CollectionRate;
import nl.taxledger.ledger.journal.JournalLine;

/**
 * Collection rate (invorderingspercentage, domain.md §7) per cohort of assessments by issue
 * year, N = 12, 24, 36 months after each assessment's issue date, against 95, 99, 99.5%.
 * <p>
 * Rate = principal received (net) with effective date ≤ issue date + N months, divided by the
 * collectable principal at that date: imposed − reductions − exemptions − annulments − remissions
 * (a remission is a decision that the tax is not owed). Written-off amounts stay in the
 * denominator: not collecting them is what the rate measures. An assessment counts for horizon N
 * only when issue date + N months ≤ the reference date; the others are reported as pending.
 */
public final class OracleCollectionRate {
    private static final int[] HORIZON_MONTHS = {12, 24, 36};
    private static final String[] TARGET_PERCENT = {"95.00", "99.00", "99.50"};

    private record Movement(LocalDate effectiveDate, long collectableCents, long collectedCents) {}

    private final LocalDate asOf;
    private final Map<String, LocalDate> issueDates = new HashMap<>();
    /** assessmentId → its counted principal movements. */
    private final Map<String, List<Movement>> movements = new TreeMap<>();

    OracleCollectionRate(LocalDate asOf) {
        this.asOf = asOf;
    }

    void register(AssessmentImposed imposed) {
        issueDates.put(imposed.assessmentId(), imposed.issueDate());
    }

    void add(LocalDate effectiveDate, JournalLine line) {
        if (line.assessmentId() == null) {
            return;
        }
        long cents = line.amountCents();
        Movement movement =
                switch (line.account()) {
                    case IMPOSED -> new Movement(effectiveDate, -cents, 0);
                    case REDUCTIONS, EXEMPTIONS, ANNULMENTS, REMISSION -> new Movement(effectiveDate, -cents, 0);
                    case RECEIVED -> new Movement(effectiveDate, 0, cents);
                    default -> null;
                };
        if (movement != null) {
            movements
                    .computeIfAbsent(line.assessmentId(), a -> new ArrayList<>())
                    .add(movement);
        }
    }

    List<CollectionRate.Row> rows() {
        // cohortYear → per horizon [measured, pending, collectable, collected]
        TreeMap<Integer, long[][]> cohorts = new TreeMap<>();
        movements.forEach((assessmentId, list) -> {
            LocalDate issued = issueDates.get(assessmentId);
            long[][] cohort = cohorts.computeIfAbsent(issued.getYear(), y -> new long[HORIZON_MONTHS.length][4]);
            for (int h = 0; h < HORIZON_MONTHS.length; h++) {
                LocalDate horizon = issued.plusMonths(HORIZON_MONTHS[h]);
                if (asOf == null || horizon.isAfter(asOf)) {
                    cohort[h][1]++;
                    continue;
                }
                cohort[h][0]++;
                for (Movement m : list) {
                    if (!m.effectiveDate().isAfter(horizon)) {
                        cohort[h][2] += m.collectableCents();
                        cohort[h][3] += m.collectedCents();
                    }
                }
            }
        });
        List<CollectionRate.Row> rows = new ArrayList<>();
        cohorts.forEach((year, cohort) -> {
            for (int h = 0; h < HORIZON_MONTHS.length; h++) {
                rows.add(row(year, h, cohort[h]));
            }
        });
        return rows;
    }

    private static CollectionRate.Row row(int year, int h, long[] figures) {
        BigDecimal target = new BigDecimal(TARGET_PERCENT[h]);
        if (figures[0] == 0 || figures[2] <= 0) {
            return new CollectionRate.Row(
                    year, HORIZON_MONTHS[h], figures[0], figures[1], figures[2], figures[3], null, target, null);
        }
        BigDecimal collectedTimes100 = BigDecimal.valueOf(figures[3]).multiply(BigDecimal.valueOf(100));
        // shown rounded down, compared exactly: 94.996% must not be shown or counted as 95.00%
        BigDecimal rate = collectedTimes100.divide(BigDecimal.valueOf(figures[2]), 2, RoundingMode.DOWN);
        boolean met = collectedTimes100.compareTo(target.multiply(BigDecimal.valueOf(figures[2]))) >= 0;
        return new CollectionRate.Row(
                year, HORIZON_MONTHS[h], figures[0], figures[1], figures[2], figures[3], rate, target, met);
    }
}
