package nl.taxledger.ledger.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Payout EndToEndIds (domain.md §9, §12): at most 35 characters, one per payout, the same every time. */
class PayoutIdsTest {
    private static final LocalDate DEC_20 = LocalDate.of(2026, 12, 20);
    private static final LocalDate DEC_27 = LocalDate.of(2026, 12, 27);

    @Test
    void a_short_key_reads_as_it_is() {
        assertThat(PayoutIds.remittance("GEM-A", DEC_20)).isEqualTo("AFDR-GEM-A-2026-12-20");
        assertThat(PayoutIds.refund("R1")).isEqualTo("TERUG-R1");
    }

    @Test
    void two_weeks_of_a_long_participant_id_get_two_ids_within_35_characters() {
        String week1 = PayoutIds.remittance("GEMEENTE-AMSTERDAM-OOST", DEC_20);
        String week2 = PayoutIds.remittance("GEMEENTE-AMSTERDAM-OOST", DEC_27);

        assertThat(week1).isNotEqualTo(week2).startsWith("AFDR-20261220-").hasSize(PayoutIds.MAX_LENGTH);
        assertThat(week2).startsWith("AFDR-20261227-").hasSize(PayoutIds.MAX_LENGTH);
        assertThat(PayoutIds.remittance("GEMEENTE-AMSTERDAM-OOST", DEC_20))
                .as("stable")
                .isEqualTo(week1);
        assertThat(PayoutIds.remittance("GEMEENTE-AMSTERDAM-OOSTERPARK", DEC_20))
                .isNotEqualTo(week1);
    }

    @Test
    void two_long_refund_ids_with_the_same_start_get_two_ids() {
        String first = PayoutIds.refund("REFUND-2026-000000000000000000001");
        String second = PayoutIds.refund("REFUND-2026-000000000000000000002");

        assertThat(first).isNotEqualTo(second).startsWith("TERUGH-").hasSize(PayoutIds.MAX_LENGTH);
        assertThat(PayoutIds.refund("REFUND-2026-000000000000000000001")).isEqualTo(first);
    }

    @Property(tries = 300)
    void no_two_remittances_or_refunds_share_an_id(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String participantId,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String refundId) {
        Set<String> ids = new HashSet<>();
        for (int week = 0; week < 53; week++) {
            String id = PayoutIds.remittance(participantId, DEC_20.plusWeeks(week));
            assertThat(id.length()).isLessThanOrEqualTo(PayoutIds.MAX_LENGTH);
            ids.add(id);
        }
        String refund = PayoutIds.refund(refundId);
        assertThat(refund.length()).isLessThanOrEqualTo(PayoutIds.MAX_LENGTH);
        ids.add(refund);
        ids.add(PayoutIds.refund(refundId + "X"));
        assertThat(ids).hasSize(55);
    }
}
