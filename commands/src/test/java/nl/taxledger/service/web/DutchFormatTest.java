package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DutchFormatTest {
    private final DutchFormat format = new DutchFormat();

    @ParameterizedTest(name = "{0} cents → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0|€ 0,00",
                "5|€ 0,05",
                "100|€ 1,00",
                "123456|€ 1.234,56",
                "100000000|€ 1.000.000,00",
                "-123456|€ -1.234,56",
                "99999|€ 999,99"
            })
    void cents_are_shown_as_dutch_money(long cents, String shown) {
        assertThat(format.money(cents)).isEqualTo(shown);
    }

    @Test
    void dates_are_day_month_year_with_dashes() {
        assertThat(format.date(LocalDate.of(2026, 12, 31))).isEqualTo("31-12-2026");
        assertThat(format.date(LocalDate.of(2027, 1, 5))).isEqualTo("05-01-2027");
    }

    @Test
    void a_moment_is_shown_in_amsterdam_time() {
        assertThat(format.moment(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("01-01-2027 00:30:00");
    }

    @ParameterizedTest(name = "API decimal {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"1234.50|€ 1.234,50", "-3.00|€ -3,00", "7|€ 7,00", "7.5|€ 7,50"})
    void the_api_decimal_text_is_shown_as_dutch_money(String decimal, String shown) {
        assertThat(format.decimal(decimal)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "typed {0} → {1} cents")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.234,56|123456",
                "100,5|10050",
                "100|10000",
                "€ 12,00|1200",
                "1.234|123400",
                "0,01|1",
                "-3,00|-300",
                "999.999.999,99|99999999999",
                "1234567,89|123456789"
            })
    void a_typed_dutch_amount_becomes_exact_cents(String typed, long cents) {
        assertThat(DutchFormat.cents(typed)).isEqualTo(cents);
    }

    @ParameterizedTest(name = "typed {0} is refused")
    @ValueSource(
            strings = {"1,234", "12,345", "1.23", "1.2345,00", "12.34.567", "twaalf euro", "", "1,", "1e3", "0x10"})
    void a_typed_amount_with_three_decimals_or_a_decimal_point_is_refused(String typed) {
        assertThatThrownBy(() -> DutchFormat.cents(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_typed_date_may_be_dutch_or_iso() {
        assertThat(DutchFormat.parseDate("31-12-2026")).contains(LocalDate.of(2026, 12, 31));
        assertThat(DutchFormat.parseDate("2026-12-31")).contains(LocalDate.of(2026, 12, 31));
        assertThat(DutchFormat.parseDate(" ")).isEmpty();
        assertThatThrownBy(() -> DutchFormat.parseDate("31/12/2026")).isInstanceOf(IllegalArgumentException.class);
    }
}
