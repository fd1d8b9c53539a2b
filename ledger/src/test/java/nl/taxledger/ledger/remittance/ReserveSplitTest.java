package nl.taxledger.ledger.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.taxledger.ledger.api.RemittanceLine;
import org.junit.jupiter.api.Test;

/**
 * domain.md §5: a tax year's reserve is round_half_up(0.5% × its cumulative receipts); a statement splits it over
 * the year's tax types, and the rounding residual goes to the type with the largest receipts.
 */
class ReserveSplitTest {
    private static final RemittanceCalculator.Policy HALF_PERCENT_FOUR_YEARS =
            new RemittanceCalculator.Policy(new BigDecimal("0.005"), 4);
    private static final LocalDate SUNDAY = LocalDate.of(2026, 4, 5);

    private static RemittanceCalculator.Result firstRemittance(long afvCents, long ozbCents) {
        return RemittanceCalculator.compute(
                HALF_PERCENT_FOUR_YEARS,
                SUNDAY,
                Map.of(new TaxKey("AFV", 2026), afvCents, new TaxKey("OZB", 2026), ozbCents),
                RemittanceCalculator.Covered.NOTHING);
    }

    @Test
    void the_years_rounding_residual_goes_to_the_tax_type_with_the_largest_receipts() {
        // AFV 1.00 → 0.005 → 0.01; OZB 3.00 → 0.015 → 0.02; the year 4.00 → 0.02: OZB, the larger, gives back a cent
        RemittanceCalculator.Result result = firstRemittance(100, 300);

        assertThat(result.lines())
                .containsExactly(
                        new RemittanceLine("AFV", 2026, 100, 0, 1, 1, 0),
                        new RemittanceLine("OZB", 2026, 300, 0, 1, 1, 0));
        assertThat(result.reserveWithheldCents()).isEqualTo(2);
        assertThat(result.amountCents()).isEqualTo(398);
    }

    @Test
    void on_equal_receipts_the_residual_goes_to_the_first_tax_type_of_the_statement() {
        // AFV and OZB 1.00 each → 0.01 each; the year 2.00 → 0.01: one type gives back a cent, the first (AFV)
        RemittanceCalculator.Result result = firstRemittance(100, 100);

        assertThat(result.lines())
                .containsExactly(
                        new RemittanceLine("AFV", 2026, 100, 0, 0, 0, 0),
                        new RemittanceLine("OZB", 2026, 100, 0, 1, 1, 0));
    }

    @Test
    void half_a_cent_of_reserve_rounds_up_and_less_rounds_down() {
        assertThat(RemittanceCalculator.reserveCents(new BigDecimal("0.005"), 100))
                .isEqualTo(1);
        assertThat(RemittanceCalculator.reserveCents(new BigDecimal("0.005"), 99))
                .isZero();
    }
}
