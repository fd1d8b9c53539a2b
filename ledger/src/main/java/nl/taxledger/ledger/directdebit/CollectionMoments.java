package nl.taxledger.ledger.directdebit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The collection moments of domain.md §10 (reglement art. 7) as pure functions: the last TARGET2 working day of a
 * month, an assessment's moments (one a month from the month after its issue date, as many as its term count) and
 * the first moment after a day.
 */
public final class CollectionMoments {
    /** The TARGET2 closing days with a fixed date; Good Friday and Easter Monday move with Easter. */
    private static final Set<MonthDay> FIXED_CLOSING_DAYS =
            Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

    /** The term count a tax year gets when the ledger's configuration names none (§10). */
    public static final int DEFAULT_TERM_COUNT = 10;

    /** Upper bound of a term count: a month each, so more than ten years of terms is a configuration error. */
    public static final int MAX_TERM_COUNT = 120;

    private CollectionMoments() {}

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** Whether TARGET2 settles on the day: not a weekend, 1 January, Good Friday, Easter Monday, 1 May, 25/26 Dec. */
    public static boolean isTarget2WorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        if (FIXED_CLOSING_DAYS.contains(MonthDay.from(day))) {
            return false;
        }
        LocalDate easter = easterSunday(day.getYear());
        return !day.equals(easter.minusDays(2)) && !day.equals(easter.plusDays(1));
    }

    /** The last TARGET2 working day of the month: the month's collection moment. */
    public static LocalDate collectionMomentOf(YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        // a month has at least 20 working days, so this walks back at most a few days
        while (!isTarget2WorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Whether the day is a collection moment: the last TARGET2 working day of its month. */
    public static boolean isCollectionMoment(LocalDate day) {
        return collectionMomentOf(YearMonth.from(day)).equals(day);
    }

    /** The first collection moment strictly after {@code day}: when a mandate signed that day starts. */
    public static LocalDate firstMomentAfter(LocalDate day) {
        LocalDate moment = collectionMomentOf(YearMonth.from(day));
        return moment.isAfter(day)
                ? moment
                : collectionMomentOf(YearMonth.from(day).plusMonths(1));
    }

    /** An assessment's collection moments: one a month from the month after its issue date, {@code termCount} of them. */
    public static List<LocalDate> ofAssessment(LocalDate issueDate, int termCount) {
        if (termCount < 1 || termCount > MAX_TERM_COUNT) {
            throw new IllegalArgumentException("a term count is 1 to " + MAX_TERM_COUNT + ": " + termCount);
        }
        List<LocalDate> moments = new ArrayList<>(termCount);
        YearMonth month = YearMonth.from(issueDate);
        for (int term = 1; term <= termCount; term++) {
            moments.add(collectionMomentOf(month.plusMonths(term)));
        }
        return moments;
    }
}
