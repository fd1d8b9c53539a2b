package nl.taxledger.ledger.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The largest-remainder split is exact, bounded by each line and never more than a cent off. */
class ProRataProperties {

    @Property
    void parts_add_up_to_the_amount_and_stay_within_a_cent_of_the_exact_share(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 5_000_000_000L) Long> weightList,
            @ForAll @LongRange(min = 0, max = 1_000_000) long permille) {
        long[] weights = weightList.stream().mapToLong(Long::longValue).toArray();
        long total = weightList.stream().mapToLong(Long::longValue).sum();
        Assume.that(total > 0);
        long amount = BigInteger.valueOf(total).multiply(BigInteger.valueOf(permille)).divide(BigInteger.valueOf(1_000_000)).longValueExact();

        long[] parts = Art7Allocation.proRata(amount, weights);

        long sum = 0;
        for (int i = 0; i < parts.length; i++) {
            sum += parts[i];
            assertThat(parts[i]).isBetween(0L, weights[i]);
            BigInteger exactTimesTotal = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]));
            BigInteger partTimesTotal = BigInteger.valueOf(parts[i]).multiply(BigInteger.valueOf(total));
            assertThat(partTimesTotal.subtract(exactTimesTotal).abs()).isLessThan(BigInteger.valueOf(total));
        }
        assertThat(sum).isEqualTo(amount);
    }
}
