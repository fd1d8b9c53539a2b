package nl.taxledger.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Mandate ends booked before the closed set of reasons keep their meaning when read. */
class MandateEndReasonTest {
    private static final LocalDate DAY = LocalDate.of(2026, 5, 31);

    @Test
    void the_old_name_of_three_strikes_reads_as_three_failures() {
        assertThat(new DirectDebitMandateEnded("S1", "M1", "THREE_CONSECUTIVE_FAILURES", DAY, DAY).endReason())
                .isEqualTo(MandateEndReason.THREE_FAILURES);
    }

    @Test
    void the_old_default_of_an_end_by_command_reads_as_a_revocation() {
        assertThat(MandateEndReason.read("REQUESTED")).isEqualTo(MandateEndReason.REVOKED);
    }

    @Test
    void free_text_typed_by_a_clerk_reads_as_an_end_by_the_collector() {
        assertThat(MandateEndReason.read("ingetrokken door bank")).isEqualTo(MandateEndReason.ENDED_BY_COLLECTOR);
    }

    @Test
    void a_current_name_reads_as_itself() {
        assertThat(MandateEndReason.read("REVOKED")).isEqualTo(MandateEndReason.REVOKED);
    }
}
