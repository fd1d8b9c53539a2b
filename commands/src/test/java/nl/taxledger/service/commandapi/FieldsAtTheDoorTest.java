package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Field checks of the request shapes (domain.md §8): refused before any ledger state is read. */
class FieldsAtTheDoorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static Routed validate(String type, String body) {
        return JSON.readValue(body, CommandCatalogue.find(type).orElseThrow().shape()).validate(TODAY);
    }

    private static void assertRefused(String type, String body, String naming) {
        assertThatThrownBy(() -> validate(type, body)).isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
            assertThat(rejection.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(rejection.getMessage()).contains(naming);
        });
    }

    @Test
    void a_payment_channel_outside_the_known_channels_is_refused_naming_the_field() {
        assertRefused("ReceivePayment", """
                {"commandId":"c1","paymentId":"P1","amount":"10.00","valueDate":"2026-06-15","reference":"A1",
                 "channel":"direct_debit"}""", "channel");
    }

    @Test
    void every_channel_the_scenarios_and_the_bench_send_is_accepted() {
        for (String channel : new String[] {"TRANSFER", "DIRECT_DEBIT", "IDEAL"}) {
            assertThat(validate("ReceivePayment", """
                    {"commandId":"c1","paymentId":"P1","amount":"10.00","valueDate":"2026-06-15","channel":"%s"}"""
                    .formatted(channel))).isNotNull();
        }
    }

    private static final String IMPOSE = """
            {"commandId":"c1","assessmentId":"B1","debtorId":"S1","issueDate":"2026-02-27","dueDate":"2026-03-31",
             "lines":[{"lineId":"L1","participantId":"GEM-A","taxType":"OZB","taxYear":2026,"amount":"50.00"}]%s}""";

    @Test
    void an_assessment_kind_outside_the_known_kinds_is_refused_naming_the_field() {
        assertRefused("ImposeAssessment", IMPOSE.formatted(",\"kind\":\"BOETE\""), "kind");
    }

    @Test
    void a_bestuurlijke_boete_without_the_assessment_it_belongs_to_is_refused_naming_the_field() {
        assertRefused("ImposeAssessment", IMPOSE.formatted(",\"kind\":\"BESTUURLIJKE_BOETE\""),
                "belongsToAssessmentId");
    }

    @Test
    void a_tax_assessment_that_names_an_assessment_it_belongs_to_is_refused_naming_the_field() {
        assertRefused("ImposeAssessment", IMPOSE.formatted(",\"belongsToAssessmentId\":\"A1\""),
                "belongsToAssessmentId");
    }
}
