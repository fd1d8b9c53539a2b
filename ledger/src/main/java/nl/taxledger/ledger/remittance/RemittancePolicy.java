package nl.taxledger.ledger.remittance;

import java.math.BigDecimal;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RemittanceSchedule;

/**
 * A participant's remittance policy (domain.md §5): how often it is paid, and the share of receipts held back as
 * reserve for how many tax years. The one place for the defaults and the range check, used by the REST layer when a
 * registration leaves parts out and by the participant aggregate before it records a policy.
 */
public record RemittancePolicy(RemittanceSchedule schedule, BigDecimal reserveRate, int reserveYears) {
    public static final RemittanceSchedule DEFAULT_SCHEDULE = RemittanceSchedule.WEEKLY;
    public static final BigDecimal DEFAULT_RESERVE_RATE = new BigDecimal("0.005");
    public static final int DEFAULT_RESERVE_YEARS = 4;

    public RemittancePolicy {
        if (schedule == null) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "schedule", "schedule is required");
        }
        checkRange(reserveRate, reserveYears);
    }

    /** A registration's policy: every part left out ({@code null}) takes its default. */
    public static RemittancePolicy withDefaults(RemittanceSchedule schedule, BigDecimal reserveRate,
                                                Integer reserveYears) {
        return new RemittancePolicy(schedule == null ? DEFAULT_SCHEDULE : schedule,
                reserveRate == null ? DEFAULT_RESERVE_RATE : reserveRate,
                reserveYears == null ? DEFAULT_RESERVE_YEARS : reserveYears);
    }

    /** A reserve rate in [0, 1) and a number of reserve years that is not negative. */
    public static void checkRange(BigDecimal reserveRate, int reserveYears) {
        if (reserveRate == null || reserveRate.signum() < 0 || reserveRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "reserveRate",
                    "reserveRate must be in [0, 1): " + reserveRate);
        }
        if (reserveYears < 0) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "reserveYears",
                    "reserveYears must not be negative: " + reserveYears);
        }
    }
}
