package nl.taxledger.service.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.PaymentReceived;
import org.junit.jupiter.api.Test;

/**
 * The as-of reader reads what the service reads: a fact stored under an older revision (before a field was added)
 * is read with the new field at its default, so a ledger in use keeps its reports across an upgrade; a revision
 * newer than this version knows is refused.
 */
class EventStoreReaderRevisionTest {
    private final EventStoreReader reader = new EventStoreReader();

    private static final String PAYMENT_REVISION_2 = """
            {"debtorId":"S1","paymentId":"P1","amountCents":100,"valueDate":"2026-08-03",
             "reference":"DD20260731-1","channel":"DIRECT_DEBIT","counterpartyRef":null,"fromSuspense":false,
             "negativeCreditSettledCents":0,"allocations":[],"creditCents":100,"bookingDate":"2026-08-03",
             "matchedBy":"DIRECT_DEBIT"}""";

    @Test
    void a_payment_stored_as_revision_2_reads_as_the_current_revision_without_a_collection() {
        PaymentReceived received = (PaymentReceived) reader.deserialize(
                7, PaymentReceived.class.getName(), "2", PAYMENT_REVISION_2.getBytes(StandardCharsets.UTF_8));

        assertThat(received.collection()).isNull();
        assertThat(received.amountCents()).isEqualTo(100);
    }

    @Test
    void an_assessment_stored_as_revision_1_is_a_tax_assessment() {
        AssessmentImposed imposed = (AssessmentImposed)
                reader.deserialize(3, AssessmentImposed.class.getName(), "1", """
                {"debtorId":"S1","assessmentId":"A1","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "paymentReference":"A1","lines":[],"bookingDate":"2026-02-27"}""".getBytes(StandardCharsets.UTF_8));

        assertThat(imposed.kind()).isEqualTo(AssessmentKind.AANSLAG);
    }

    @Test
    void a_revision_newer_than_this_version_knows_is_refused() {
        assertThatThrownBy(() -> reader.deserialize(
                        9, PaymentReceived.class.getName(), "4", PAYMENT_REVISION_2.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("revision 4 cannot be read as revision 3");
    }

    @Test
    void a_stored_fact_without_a_revision_is_refused_for_a_versioned_type() {
        assertThatThrownBy(() -> reader.deserialize(
                        9, PaymentReceived.class.getName(), null, PAYMENT_REVISION_2.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("cannot be read");
    }
}
