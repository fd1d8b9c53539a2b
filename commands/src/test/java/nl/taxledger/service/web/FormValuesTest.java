package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a form with rows sends: the inputs named as the API names a refused field, typed euros as exact cents,
 * whole numbers as numbers, empty rows dropped before sending so a refusal's index is the row shown.
 */
class FormValuesTest {
    private static final FormShape IMPOSE = FormShape.of("ImposeAssessment");

    private static MultiValueMap<String, String> typed(String... namesAndValues) {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sent.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return sent;
    }

    @Test
    void the_shape_of_an_assessment_has_its_lines_as_rows_of_five_fields() {
        assertThat(IMPOSE.fields())
                .contains("assessmentId", "debtorId", "issueDate")
                .doesNotContain("commandId");
        assertThat(IMPOSE.lists()).singleElement().satisfies(lines -> {
            assertThat(lines.name()).isEqualTo("lines");
            assertThat(lines.rowFields()).containsExactly("lineId", "participantId", "taxType", "taxYear", "amount");
        });
        assertThat(FormShape.of("AgreePaymentArrangement").lists())
                .extracting(FormShape.ListShape::name, FormShape.ListShape::ofTexts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("assessmentIds", true),
                        org.assertj.core.groups.Tuple.tuple("terms", false));
    }

    @Test
    void rows_become_the_list_with_exact_cents_iso_dates_and_numbers() {
        FormValues values = FormValues.read(
                IMPOSE,
                typed(
                        "assessmentId", "A1",
                        "issueDate", "27-02-2026",
                        "lines[0].lineId", "L1",
                        "lines[0].taxYear", "2026",
                        "lines[0].amount", "1.234,56",
                        "lines[1].lineId", "L2",
                        "lines[1].amount", "0,1"));

        ObjectNode body = values.body("c-1");

        assertThat(body.get("commandId").asString()).isEqualTo("c-1");
        assertThat(body.get("issueDate").asString()).isEqualTo("2026-02-27");
        assertThat(body.get("lines").get(0).get("amount").asString()).isEqualTo("1234.56");
        assertThat(body.get("lines").get(0).get("taxYear").isInt()).isTrue();
        assertThat(body.get("lines").get(1).get("amount").asString()).isEqualTo("0.10");
        assertThat(body.has("debtorId")).as("an empty input is not sent").isFalse();
    }

    @Test
    void an_empty_row_is_dropped_so_the_next_row_keeps_the_index_the_api_names() {
        FormValues values = FormValues.read(
                IMPOSE,
                typed(
                        "lines[0].lineId", "",
                        "lines[0].amount", " ",
                        "lines[1].lineId", "L2",
                        "lines[1].amount", "12,345"));
        values.dropEmptyRows();

        assertThat(values.rows("lines")).hasSize(1);
        assertThatThrownBy(() -> values.body("c-2")).isInstanceOfSatisfying(LedgerRejection.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refused.field()).isEqualTo("lines[0].amount");
        });
    }

    @Test
    void a_row_is_added_at_the_end_and_removed_by_its_index() {
        FormValues values = FormValues.read(IMPOSE, typed("lines[0].lineId", "L1", "lines[1].lineId", "L2"));

        assertThat(values.addRow("lines")).isEqualTo(2);
        values.removeRow("lines", 0);

        assertThat(values.rows("lines"))
                .extracting(row -> row.getOrDefault("lineId", ""))
                .containsExactly("L2", "");
    }
}
