package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bounds of domain.md §12, one rule per test, each over every field of every command of the catalogue that the
 * rule governs: the field alone is set (as a client would send it) and the bound must refuse it naming the field, or
 * let it through at the edge of the range.
 */
class FieldBoundsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One field of one command: {@code path} with {@code []} for a list element ({@code lines[].amount}); a refusal names the element's index. */
    record Field(String type, Class<?> shape, String path, FieldBounds.Bound bound) {
        @Override
        public String toString() {
            return type + "." + path;
        }
    }

    /** Every field of every command of the catalogue, nested records and list elements included. */
    static List<Field> catalogueFields() {
        List<Field> fields = new ArrayList<>();
        for (CommandCatalogue.Entry entry : CommandCatalogue.entries()) {
            collect(entry.type(), entry.shape(), "", entry.shape(), fields);
        }
        return fields;
    }

    private static void collect(String type, Class<?> shape, String prefix, Class<?> record, List<Field> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            FieldBounds.Bound bound = FieldBounds.of(component.getName());
            String path = prefix + component.getName();
            fields.add(new Field(type, shape, path, bound));
            if (bound instanceof FieldBounds.ListOf list && list.element() == FieldBounds.Scalar.RECORD) {
                Class<?> element =
                        (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                collect(type, shape, path + "[].", element, fields);
            }
        }
    }

    private static Stream<Field> fieldsBound(FieldBounds.Scalar scalar) {
        return catalogueFields().stream().filter(field -> field.bound() == scalar);
    }

    static Stream<Field> dateFields() {
        return fieldsBound(FieldBounds.Scalar.DATE);
    }

    static Stream<Field> identifierFields() {
        return fieldsBound(FieldBounds.Scalar.IDENTIFIER);
    }

    static Stream<Field> textFields() {
        return fieldsBound(FieldBounds.Scalar.TEXT);
    }

    static Stream<Field> amountFields() {
        return fieldsBound(FieldBounds.Scalar.AMOUNT);
    }

    static Stream<Field> taxYearFields() {
        return fieldsBound(FieldBounds.Scalar.TAX_YEAR);
    }

    static Stream<Field> listFields() {
        return catalogueFields().stream().filter(field -> field.bound() instanceof FieldBounds.ListOf);
    }

    /** The request with only {@code field} set to {@code value}, bound as the command service binds it. */
    private static Record requestWith(Field field, JsonNode value) {
        ObjectNode body = JSON.createObjectNode();
        String[] steps = field.path().split("\\[\\]\\.");
        ObjectNode at = body;
        for (int i = 0; i < steps.length - 1; i++) {
            ObjectNode element = JSON.createObjectNode();
            at.putArray(steps[i]).add(element);
            at = element;
        }
        at.set(steps[steps.length - 1], value);
        return (Record) JSON.treeToValue(body, field.shape());
    }

    private static void assertRefused(Field field, JsonNode value) {
        assertThatThrownBy(() -> FieldBounds.check(requestWith(field, value)))
                .as("%s = %s", field, abbreviated(value))
                .isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    // the request has one element in each list: the refusal names it by its index
                    assertThat(rejection.field()).isEqualTo(field.path().replace("[]", "[0]"));
                });
    }

    private static void assertWithinBounds(Field field, JsonNode value) {
        assertThatCode(() -> FieldBounds.check(requestWith(field, value)))
                .as("%s = %s", field, abbreviated(value))
                .doesNotThrowAnyException();
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().stringNode(value);
    }

    @Test
    void every_field_of_every_command_in_the_catalogue_has_a_bound() {
        for (CommandCatalogue.Entry entry : CommandCatalogue.entries()) {
            assertThat(FieldBounds.unbounded(entry.shape().asSubclass(Record.class)))
                    .as(entry.type())
                    .isEmpty();
        }
        assertThat(catalogueFields())
                .allSatisfy(
                        field -> assertThat(field.bound()).as(field.toString()).isNotNull());
    }

    /** A shape a new command might bring: a note nobody bounded, a list of dates, a free number. */
    record CarelessRequest(String commandId, String note, List<LocalDate> dates, Long total, String amount) {}

    @Test
    void a_shape_with_a_field_the_table_does_not_bound_is_named_so_the_catalogue_refuses_it() {
        assertThat(FieldBounds.unbounded(CarelessRequest.class))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("note"))
                .anySatisfy(problem -> assertThat(problem).startsWith("dates"))
                .anySatisfy(problem -> assertThat(problem).startsWith("total"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateFields")
    void a_date_before_1990_or_after_2099_is_refused_naming_the_field(Field field) {
        for (String date : new String[] {
            "0000-01-01",
            "1989-12-31",
            "2100-01-01",
            "9999-12-31",
            "+10000-01-01",
            "-0001-01-01",
            "2026-02-30",
            "2026-2-3",
            "20260203",
            ""
        }) {
            assertRefused(field, text(date));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateFields")
    void a_date_from_1990_through_2099_is_within_bounds(Field field) {
        for (String date : new String[] {"1990-01-01", "2026-02-28", "2099-12-31"}) {
            assertWithinBounds(field, text(date));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxYearFields")
    void a_tax_year_outside_1990_through_2099_is_refused_and_its_edges_are_not(Field field) {
        for (int year : new int[] {0, 1989, 2100, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertRefused(field, JSON.getNodeFactory().numberNode(year));
        }
        assertWithinBounds(field, JSON.getNodeFactory().numberNode(1990));
        assertWithinBounds(field, JSON.getNodeFactory().numberNode(2099));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifierFields")
    void an_identifier_is_1_to_64_printable_characters_without_spaces_at_the_ends(Field field) {
        for (String id : new String[] {
            "",
            "x".repeat(65),
            " A1",
            "A1 ",
            "\u00a0A1",
            "A\u0000B",
            "A\u0007B",
            "A\nB",
            "A\u202eB",
            "A\u200bB",
            "\ud800",
            "A\ue000"
        }) {
            assertRefused(field, text(id));
        }
        for (String id : new String[] {"A", "x".repeat(64), "A B", "Ü-€/2026", "😀".repeat(64)}) {
            assertWithinBounds(field, text(id));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void free_text_is_at_most_500_printable_characters(Field field) {
        for (String text : new String[] {"x".repeat(501), "x".repeat(10_000), "a\u0000b", "a\u001bb", "\udc00"}) {
            assertRefused(field, text(text));
        }
        for (String text : new String[] {"", "x".repeat(500), "bezwaar toegewezen,\r\n\tzie besluit 2026-0042"}) {
            assertWithinBounds(field, text(text));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amountFields")
    void an_amount_is_at_most_999_999_999_99_either_way(Field field) {
        for (String amount : new String[] {
            "1000000000.00",
            "-1000000000.00",
            "9999999999999.99",
            "1e3",
            "NaN",
            "12.345",
            "1,00",
            " 1.00",
            "99999999999999999999"
        }) {
            assertRefused(field, text(amount));
        }
        for (String amount : new String[] {"999999999.99", "0.01", "312.40", "5"}) {
            assertWithinBounds(field, text(amount));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listFields")
    void a_list_longer_than_its_bound_is_refused_before_its_entries_are_read(Field field) {
        int max = ((FieldBounds.ListOf) field.bound()).maxEntries();
        boolean records = ((FieldBounds.ListOf) field.bound()).element() == FieldBounds.Scalar.RECORD;
        JsonNode entry = records ? JSON.createObjectNode() : text("A1");

        assertRefused(field, list(entry, max + 1));
        assertWithinBounds(field, list(entry, max));
    }

    @Test
    void each_identifier_in_a_list_of_identifiers_is_bounded_too() {
        Field assessmentIds = listFields()
                .filter(f -> f.path().equals("assessmentIds"))
                .findFirst()
                .orElseThrow();
        ArrayNode ids = list(text("A1"), 2).add(text("x".repeat(65)));

        assertThatThrownBy(() -> FieldBounds.check(requestWith(assessmentIds, ids)))
                .isInstanceOfSatisfying(
                        LedgerRejection.class, r -> assertThat(r.field()).isEqualTo("assessmentIds[2]"));
    }

    private static ArrayNode list(JsonNode entry, int size) {
        ArrayNode list = JSON.createArrayNode();
        Collections.nCopies(size, entry).forEach(list::add);
        return list;
    }

    @Test
    void the_sum_of_the_largest_amounts_on_the_longest_list_cannot_overflow() {
        assertThatCode(() -> Math.multiplyExact(FieldBounds.MAX_AMOUNT_CENTS, (long) FieldBounds.MAX_LINES))
                .doesNotThrowAnyException();
        assertThat(FieldBounds.MAX_AMOUNT_CENTS * FieldBounds.MAX_LINES).isLessThan(Long.MAX_VALUE / 1_000);
    }

    @Test
    void a_reserve_rate_is_a_plain_decimal_and_reserve_years_at_most_99() {
        Field rate = catalogueFields().stream()
                .filter(f -> f.path().equals("reserveRate"))
                .findFirst()
                .orElseThrow();
        Field years = catalogueFields().stream()
                .filter(f -> f.path().equals("reserveYears"))
                .findFirst()
                .orElseThrow();

        assertRefused(rate, text("1E-999999999"));
        assertRefused(rate, text("0." + "0".repeat(20) + "1"));
        assertWithinBounds(rate, text("0.005"));
        assertRefused(years, JSON.getNodeFactory().numberNode(100));
        assertRefused(years, JSON.getNodeFactory().numberNode(-1));
        assertWithinBounds(years, JSON.getNodeFactory().numberNode(99));
    }

    @Test
    void a_booking_date_before_1990_or_after_today_is_refused() {
        LocalDate today = LocalDate.of(2026, 6, 30);

        assertThatThrownBy(() -> LedgerRequest.bookingDate("1989-12-31", today))
                .isInstanceOfSatisfying(
                        LedgerRejection.class, r -> assertThat(r.field()).isEqualTo("bookingDate"));
        assertThatThrownBy(() -> LedgerRequest.bookingDate("2026-07-01", today))
                .isInstanceOfSatisfying(
                        LedgerRejection.class, r -> assertThat(r.field()).isEqualTo("bookingDate"));
        assertThat(LedgerRequest.bookingDate("1990-01-01", today)).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(LedgerRequest.bookingDate(null, today)).isEqualTo(today);
    }

    @Test
    void a_refusal_sends_back_at_most_the_start_of_a_long_value() {
        Field issueDate = dateFields()
                .filter(f -> f.path().equals("issueDate"))
                .findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> FieldBounds.check(requestWith(issueDate, text("9".repeat(10_000)))))
                .satisfies(refusal -> assertThat(refusal.getMessage()).hasSizeLessThan(200));
    }
}
