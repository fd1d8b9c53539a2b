package nl.taxledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.MandateEndReason;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentUnmatched;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** Facts stored before a field was added read back with the field's default (house rule: bump, never break). */
class OlderEventRevisionsTest {
    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    private <T> T read(Class<T> type, String revision, String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), revision));
    }

    @Test
    void an_assessment_imposed_of_revision_1_is_a_tax_assessment_belonging_to_no_other() {
        AssessmentImposed imposed = read(AssessmentImposed.class, "1", """
                {"debtorId":"S1","assessmentId":"A1","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "paymentReference":"A1","lines":[{"lineId":"L1","participantId":"GEM-A","taxType":"OZB",
                 "taxYear":2026,"amountCents":10000}],"bookingDate":"2026-02-27"}""");

        assertThat(imposed.kind()).isEqualTo(AssessmentKind.AANSLAG);
        assertThat(imposed.belongsToAssessmentId()).isNull();
        assertThat(imposed.lines()).hasSize(1);
    }

    @Test
    void a_failed_collection_of_revision_1_names_no_end_to_end_id() {
        DirectDebitCollectionFailed failed = read(DirectDebitCollectionFailed.class, "1", """
                {"debtorId":"S1","mandateId":"M1","collectionDate":"2026-03-31","reasonCode":"AM04",
                 "consecutiveFailures":1,"bookingDate":"2026-04-02"}""");

        assertThat(failed.endToEndId()).isNull();
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void a_mandate_of_revision_1_has_no_start_of_its_own() {
        DirectDebitMandateRegistered mandate = read(DirectDebitMandateRegistered.class, "1", """
                {"debtorId":"S1","mandateId":"M1","accountRef":"ref-1","signedDate":"2026-02-13",
                 "bookingDate":"2026-02-16"}""");

        assertThat(mandate.startsOn()).isNull();
        assertThat(mandate.signedDate()).isEqualTo(java.time.LocalDate.of(2026, 2, 13));
    }

    @Test
    void a_mandate_end_of_revision_1_with_the_old_name_of_three_strikes_reads_as_three_failures() {
        DirectDebitMandateEnded ended = read(DirectDebitMandateEnded.class, "1", """
                {"debtorId":"S1","mandateId":"M1","reason":"THREE_CONSECUTIVE_FAILURES","date":"2026-05-31",
                 "bookingDate":"2026-06-02"}""");

        assertThat(ended.endReason()).isEqualTo(MandateEndReason.THREE_FAILURES);
        assertThat(ended.explanation()).isNull();
        assertThat(ended.date()).isEqualTo(java.time.LocalDate.of(2026, 5, 31));
    }

    @Test
    void a_payment_received_of_revision_1_was_matched_by_no_bank_statement_rule() {
        PaymentReceived received = read(PaymentReceived.class, "1", """
                {"debtorId":"S1","paymentId":"P1","amountCents":100,"valueDate":"2026-03-02","reference":null,
                 "channel":"TRANSFER","counterpartyRef":null,"fromSuspense":false,"negativeCreditSettledCents":0,
                 "allocations":[],"creditCents":100,"bookingDate":"2026-03-02"}""");

        assertThat(received.matchedBy()).isNull();
        assertThat(received.paymentId()).isEqualTo("P1");
        assertThat(received.creditCents()).isEqualTo(100);
    }

    @Test
    void a_rule_one_payment_received_of_revision_2_names_no_collection() {
        PaymentReceived received = read(PaymentReceived.class, "2", """
                {"debtorId":"S1","paymentId":"P1","amountCents":100,"valueDate":"2026-08-03",
                 "reference":"DD20260731-1","channel":"DIRECT_DEBIT","counterpartyRef":null,"fromSuspense":false,
                 "negativeCreditSettledCents":0,"allocations":[],"creditCents":100,"bookingDate":"2026-08-03",
                 "matchedBy":"DIRECT_DEBIT"}""");

        assertThat(received.collection()).isNull();
        assertThat(received.matchedBy()).isEqualTo(MatchedBy.DIRECT_DEBIT);
        assertThat(received.valueDate()).isEqualTo(java.time.LocalDate.of(2026, 8, 3));
    }

    @Test
    void a_payment_unmatched_of_revision_1_was_matched_by_no_bank_statement_rule() {
        PaymentUnmatched unmatched = read(PaymentUnmatched.class, "1", """
                {"paymentId":"P9","amountCents":4000,"valueDate":"2026-03-02","reference":"onbekend",
                 "channel":"TRANSFER","counterpartyRef":null,"bookingDate":"2026-03-02"}""");

        assertThat(unmatched.matchedBy()).isNull();
        assertThat(unmatched.amountCents()).isEqualTo(4000);
    }

    @Test
    void a_new_fine_reads_back_as_written() {
        AssessmentImposed fine = new AssessmentImposed(
                "S1",
                "B1",
                java.time.LocalDate.of(2026, 2, 27),
                java.time.LocalDate.of(2026, 3, 31),
                "B1",
                java.util.List.of(),
                java.time.LocalDate.of(2026, 2, 27),
                AssessmentKind.BESTUURLIJKE_BOETE,
                "A1");

        assertThat((Object) serializer.deserialize(serializer.serialize(fine, byte[].class)))
                .isEqualTo(fine);
    }
}
