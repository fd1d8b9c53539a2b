package nl.taxledger.ledger.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RemittanceSchedule;
import org.junit.jupiter.api.Test;

/** A participant's remittance policy: defaults and range (domain.md §5). */
class RemittancePolicyTest {

    @Test
    void a_registration_without_policy_is_weekly_with_half_a_percent_reserve_for_four_years() {
        RemittancePolicy policy = RemittancePolicy.withDefaults(null, null, null);

        assertThat(policy).isEqualTo(new RemittancePolicy(RemittanceSchedule.WEEKLY, new BigDecimal("0.005"), 4));
    }

    @Test
    void given_parts_are_kept_and_missing_ones_defaulted() {
        RemittancePolicy policy = RemittancePolicy.withDefaults(RemittanceSchedule.QUARTERLY, null, 2);

        assertThat(policy).isEqualTo(new RemittancePolicy(RemittanceSchedule.QUARTERLY, new BigDecimal("0.005"), 2));
    }

    @Test
    void a_reserve_rate_of_one_is_refused_naming_the_field() {
        assertRefused(() -> new RemittancePolicy(RemittanceSchedule.WEEKLY, BigDecimal.ONE, 4), "reserveRate");
    }

    @Test
    void a_negative_reserve_rate_is_refused_naming_the_field() {
        assertRefused(() -> new RemittancePolicy(RemittanceSchedule.WEEKLY, new BigDecimal("-0.01"), 4), "reserveRate");
    }

    @Test
    void negative_reserve_years_are_refused_naming_the_field() {
        assertRefused(() -> new RemittancePolicy(RemittanceSchedule.WEEKLY, BigDecimal.ZERO, -1), "reserveYears");
    }

    @Test
    void a_rate_of_zero_and_zero_years_are_allowed() {
        assertThat(new RemittancePolicy(RemittanceSchedule.WEEKLY, BigDecimal.ZERO, 0).reserveYears()).isZero();
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
            assertThat(rejection.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(rejection.field()).isEqualTo(field);
        });
    }
}
