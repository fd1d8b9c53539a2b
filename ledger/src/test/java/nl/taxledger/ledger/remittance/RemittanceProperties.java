package nl.taxledger.ledger.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import nl.taxledger.ledger.api.RemittanceLine;

/**
 * Over random weekly histories of receipts (payments, stornos, reductions) of one participant:
 * the reserve held always equals the rule applied to cumulative receipts (rounding never drifts), and
 * receipts = remitted + reserve held + not yet remitted − carried forward (domain.md §6).
 */
class RemittanceProperties {
    private static final String[] TAX_TYPES = {"OZB", "RIOOLHEFFING"};
    private static final LocalDate FIRST_SUNDAY = LocalDate.of(2025, 11, 2);

    /** One week: a receipt movement per (type, year) slot, and whether the week's remittance is issued. */
    record Week(long[] movementsCents, boolean issued) {
    }

    @Property
    void cumulative_rounding_never_drifts(
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = -5_000, max = 50_000) Long> weeklyReceipts,
            @ForAll @IntRange(min = 0, max = 200) int ratePerMille) {
        BigDecimal rate = BigDecimal.valueOf(ratePerMille, 4);
        RemittanceCalculator.Policy policy = new RemittanceCalculator.Policy(rate, 4);
        CoveredSoFar covered = new CoveredSoFar();
        TaxKey key = new TaxKey("OZB", 2026);
        long cumulative = 0;
        long withheld = 0;
        LocalDate sunday = LocalDate.of(2026, 1, 4);
        for (long receipt : weeklyReceipts) {
            cumulative = Math.max(0, cumulative + receipt); // receipts never take back more than was received
            RemittanceCalculator.Result result = RemittanceCalculator.compute(policy, sunday, Map.of(key, cumulative), covered.covered());
            covered.add(result.lines(), result.carriedForwardOutCents());
            withheld += result.reserveWithheldCents();
            assertThat(withheld).isEqualTo(RemittanceCalculator.reserveCents(rate, cumulative));
            sunday = sunday.plusWeeks(1);
        }
    }

    @Property
    void receipts_equal_remitted_plus_reserve_held_plus_not_yet_remitted_minus_carried_forward(
            @ForAll @Size(min = 1, max = 120) List<@LongRange(min = -20_000, max = 40_000) Long> movements,
            @ForAll @Size(min = 1, max = 120) List<Boolean> issuedWeeks,
            @ForAll @IntRange(min = 0, max = 6) int reserveYears) {
        RemittanceCalculator.Policy policy = new RemittanceCalculator.Policy(new BigDecimal("0.005"), reserveYears);
        CoveredSoFar covered = new CoveredSoFar();
        Map<TaxKey, Long> cumulative = new HashMap<>();
        long remitted = 0;
        long carriedForward = 0;
        Map<TaxKey, Long> held = new HashMap<>();
        LocalDate sunday = FIRST_SUNDAY;
        for (int week = 0; week < movements.size(); week++) {
            TaxKey key = new TaxKey(TAX_TYPES[week % 2], 2022 + week % 5);
            cumulative.merge(key, movements.get(week), (a, b) -> Math.max(0, a + b));
            cumulative.putIfAbsent(key, 0L);
            if (issuedWeeks.get(week % issuedWeeks.size())) {
                RemittanceCalculator.Result result = RemittanceCalculator.compute(policy, sunday, cumulative, covered.covered());
                covered.add(result.lines(), result.carriedForwardOutCents());
                remitted += result.amountCents();
                carriedForward = result.carriedForwardOutCents();
                assertThat(result.amountCents()).isNotNegative();
                for (RemittanceLine line : result.lines()) {
                    held.put(new TaxKey(line.taxType(), line.taxYear()), line.reserveHeldAfterCents());
                }
                assertLinesAddUp(result);
                assertReserveFollowsTheRulePerTaxYear(policy, sunday, cumulative, held);
            }
            sunday = sunday.plusWeeks(1);
        }
        long receipts = cumulative.values().stream().mapToLong(Long::longValue).sum();
        long reserveHeld = held.values().stream().mapToLong(Long::longValue).sum();
        long notYetRemitted = receipts - covered.covered().receiptsCents().values().stream().mapToLong(Long::longValue).sum();
        assertThat(receipts).isEqualTo(remitted + reserveHeld + notYetRemitted - carriedForward);
    }

    /** Split over tax types for the statement, a year's reserve still is round_half_up(rate × receipts of (P,T)). */
    private static void assertReserveFollowsTheRulePerTaxYear(RemittanceCalculator.Policy policy, LocalDate periodEnd,
                                                              Map<TaxKey, Long> cumulative, Map<TaxKey, Long> held) {
        int firstYearInWindow = periodEnd.getYear() - policy.reserveYears() + 1;
        Map<Integer, Long> receiptsPerYear = new HashMap<>();
        Map<Integer, Long> heldPerYear = new HashMap<>();
        cumulative.forEach((key, cents) -> receiptsPerYear.merge(key.taxYear(), cents, Long::sum));
        held.forEach((key, cents) -> heldPerYear.merge(key.taxYear(), cents, Long::sum));
        receiptsPerYear.forEach((year, cents) -> assertThat(heldPerYear.getOrDefault(year, 0L)).isEqualTo(
                year >= firstYearInWindow ? RemittanceCalculator.reserveCents(policy.reserveRate(), cents) : 0L));
    }

    private static void assertLinesAddUp(RemittanceCalculator.Result result) {
        long payable = result.lines().stream().mapToLong(RemittanceLine::payableCents).sum();
        assertThat(payable - result.carriedForwardInCents()).isEqualTo(result.amountCents() - result.carriedForwardOutCents());
        assertThat(result.lines().stream().mapToLong(RemittanceLine::receiptsCents).sum()).isEqualTo(result.receiptsCents());
    }
}
