package nl.taxledger.ledger.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collection moments of domain.md §10: the last TARGET2 working day of each month. */
class CollectionMomentsTest {

    @ParameterizedTest(name = "Easter {0} is on {1}")
    @CsvSource({
        "2000, 2000-04-23",
        "2008, 2008-03-23",
        "2011, 2011-04-24",
        "2019, 2019-04-21",
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2038, 2038-04-25"
    })
    void easter_sunday_of_known_years(int year, LocalDate easter) {
        assertThat(CollectionMoments.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0} is no TARGET2 working day")
    @CsvSource({
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-01",
        "2026-12-25",
        "2026-12-26",
        "2026-02-28",
        "2026-03-01"
    })
    void closing_days_and_weekends_are_no_working_days(LocalDate day) {
        assertThat(CollectionMoments.isTarget2WorkingDay(day)).isFalse();
    }

    @ParameterizedTest(name = "the collection moment of {0} is {1}")
    @CsvSource({
        "2026-02, 2026-02-27", // 28 February 2026 is a Saturday
        "2026-03, 2026-03-31",
        "2026-05, 2026-05-29", // 30 and 31 May 2026 are a weekend
        "2024-03, 2024-03-28", // 29 March 2024 is Good Friday, 30/31 a weekend
        "2027-12, 2027-12-31",
        "2022-12, 2022-12-30" // 31 December 2022 is a Saturday
    })
    void the_moment_of_a_month_is_its_last_target2_working_day(YearMonth month, LocalDate moment) {
        assertThat(CollectionMoments.collectionMomentOf(month)).isEqualTo(moment);
    }

    @Test
    void an_assessment_is_collected_from_the_month_after_its_issue_date() {
        List<LocalDate> moments = CollectionMoments.ofAssessment(LocalDate.of(2026, 2, 27), 3);

        assertThat(moments)
                .containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 29));
    }

    @Test
    void a_mandate_signed_on_a_moment_starts_at_the_next_one() {
        assertThat(CollectionMoments.firstMomentAfter(LocalDate.of(2026, 3, 31)))
                .isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void a_mandate_signed_before_the_moment_of_its_month_starts_at_it() {
        assertThat(CollectionMoments.firstMomentAfter(LocalDate.of(2026, 3, 4))).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void a_term_count_of_zero_is_refused() {
        assertThatThrownBy(() -> CollectionMoments.ofAssessment(LocalDate.of(2026, 2, 27), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void every_month_has_exactly_one_moment_and_no_working_day_after_it(
            @ForAll @IntRange(min = 1990, max = 2200) int year, @ForAll @IntRange(min = 1, max = 12) int month) {
        YearMonth yearMonth = YearMonth.of(year, month);
        LocalDate moment = CollectionMoments.collectionMomentOf(yearMonth);

        assertThat(YearMonth.from(moment)).isEqualTo(yearMonth);
        assertThat(CollectionMoments.isTarget2WorkingDay(moment)).isTrue();
        assertThat(moment.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        for (LocalDate later = moment.plusDays(1);
                !later.isAfter(yearMonth.atEndOfMonth());
                later = later.plusDays(1)) {
            assertThat(CollectionMoments.isTarget2WorkingDay(later))
                    .as(later.toString())
                    .isFalse();
        }
    }

    @Property
    void easter_is_a_sunday_between_22_march_and_25_april(@ForAll @IntRange(min = 1583, max = 4099) int year) {
        LocalDate easter = CollectionMoments.easterSunday(year);

        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }

    @Property
    void an_assessments_moments_are_one_a_month_and_all_collection_moments(
            @ForAll @IntRange(min = 0, max = 20_000) int daysAfter2020,
            @ForAll @IntRange(min = 1, max = 12) int terms) {
        LocalDate issued = LocalDate.of(2020, 1, 1).plusDays(daysAfter2020);
        List<LocalDate> moments = CollectionMoments.ofAssessment(issued, terms);

        assertThat(moments).hasSize(terms).allMatch(CollectionMoments::isCollectionMoment);
        for (int i = 0; i < terms; i++) {
            assertThat(YearMonth.from(moments.get(i)))
                    .isEqualTo(YearMonth.from(issued).plusMonths(i + 1));
        }
    }
}
