package nl.taxledger.ledger.participant;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.ChangeRemittancePolicy;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.IssueRemittance;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.ReceiptTotal;
import nl.taxledger.ledger.api.RegisterParticipant;
import nl.taxledger.ledger.api.RemittanceIssued;
import nl.taxledger.ledger.api.RemittanceLine;
import nl.taxledger.ledger.api.RemittancePolicyChanged;
import nl.taxledger.ledger.api.RemittanceSchedule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The remittance rules of domain.md §5 on the Participant aggregate, one rule per test. */
class ParticipantRemittanceTest {
    private static final BigDecimal HALF_PERCENT = new BigDecimal("0.005");
    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static ParticipantRegistered registered(RemittanceSchedule schedule) {
        return new ParticipantRegistered(
                "GEM-A", "Gemeente A", "NL91ABNA0417164300", schedule, HALF_PERCENT, 4, day("2026-01-01"));
    }

    private static ReceiptTotal ozb(int taxYear, long cumulativeCents) {
        return new ReceiptTotal("OZB", taxYear, cumulativeCents);
    }

    private static IssueRemittance issue(String periodEnd, ReceiptTotal... receipts) {
        LocalDate end = day(periodEnd);
        return new IssueRemittance("GEM-A", end, List.of(receipts), end.plusDays(1));
    }

    private static RemittanceIssued issued(
            String start,
            String end,
            List<RemittanceLine> lines,
            long receipts,
            long withheld,
            long released,
            long carriedIn,
            long amount,
            long carriedOut) {
        return new RemittanceIssued(
                "GEM-A",
                day(start),
                day(end),
                lines,
                receipts,
                withheld,
                released,
                carriedIn,
                amount,
                carriedOut,
                day(end).plusDays(1));
    }

    /** Week to 5 April: 30.00 of OZB 2026 received, 0.5% (0.15) withheld as reserve, 29.85 paid. */
    private static final RemittanceIssued FIRST_WEEK_PAID = issued(
            "2026-03-30",
            "2026-04-05",
            List.of(new RemittanceLine("OZB", 2026, 3000, 0, 15, 15, 0)),
            3000,
            15,
            0,
            0,
            2985,
            0);
    /** Week to 12 April: those 30.00 taken back (withholding -0.15); nothing paid, 29.85 carried forward. */
    private static final RemittanceIssued SECOND_WEEK_SHORT = issued(
            "2026-04-06",
            "2026-04-12",
            List.of(new RemittanceLine("OZB", 2026, -3000, 15, 0, -15, 0)),
            -3000,
            -15,
            0,
            0,
            0,
            2985);

    @Test
    void a_weekly_remittance_pays_the_receipts_less_half_a_percent_reserve() {
        fixture.given(registered(RemittanceSchedule.WEEKLY))
                .when(issue("2026-04-05", ozb(2026, 3000)))
                .expectEvents(FIRST_WEEK_PAID);
    }

    @Test
    void a_period_that_has_not_ended_is_refused() {
        fixture.given(registered(RemittanceSchedule.WEEKLY))
                .when(new IssueRemittance("GEM-A", day("2026-04-05"), List.of(), day("2026-04-05")))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_quarterly_participant_is_paid_on_the_last_day_of_the_quarter_net_of_reductions() {
        fixture.given(registered(RemittanceSchedule.QUARTERLY))
                .when(issue("2026-06-30", ozb(2026, 100_000)))
                .expectEvents(issued(
                        "2026-04-01",
                        "2026-06-30",
                        List.of(new RemittanceLine("OZB", 2026, 100_000, 0, 500, 500, 0)),
                        100_000,
                        500,
                        0,
                        0,
                        99_500,
                        0));
    }

    /** A weekly period ends on a Sunday, a quarterly one on the last day of a quarter (a Sunday inside it is not). */
    @ParameterizedTest(name = "{0} ending {1}")
    @CsvSource({"WEEKLY, 2026-04-22", "QUARTERLY, 2026-06-28"})
    void a_period_end_off_the_schedule_is_refused(RemittanceSchedule schedule, String periodEnd) {
        fixture.given(registered(schedule))
                .when(issue(periodEnd, ozb(2026, 3000)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    /** The week to 5 April is asked for after the one ending {@code lastIssuedEnd} was issued: the same or a later one. */
    @ParameterizedTest(name = "last issued period ending {0}")
    @ValueSource(strings = {"2026-04-05", "2026-04-12"})
    void a_period_already_issued_or_ending_before_the_last_issued_one_is_refused(String lastIssuedEnd) {
        fixture.given(
                        registered(RemittanceSchedule.WEEKLY),
                        issued("2026-03-30", lastIssuedEnd, List.of(), 0, 0, 0, 0, 0, 0))
                .when(issue("2026-04-05"))
                .expectException(rejectedWith(ErrorCode.REMITTANCE_ALREADY_ISSUED));
    }

    @Test
    void the_week_ending_sunday_3_january_2027_releases_the_reserve_of_the_year_that_left_the_window() {
        // ISO week 53 of 2026, but Y = 2027 (calendar year of the period end): window T > 2023
        fixture.given(
                        registered(RemittanceSchedule.WEEKLY),
                        issued(
                                "2026-11-30",
                                "2026-12-06",
                                List.of(
                                        new RemittanceLine("OZB", 2023, 20_000, 0, 100, 100, 0),
                                        new RemittanceLine("OZB", 2026, 100_000, 0, 500, 500, 0)),
                                120_000,
                                600,
                                0,
                                0,
                                119_400,
                                0))
                .when(issue("2027-01-03", ozb(2023, 20_000), ozb(2026, 100_000)))
                .expectEvents(issued(
                        "2026-12-07",
                        "2027-01-03",
                        List.of(
                                new RemittanceLine("OZB", 2023, 0, 100, 0, 0, 100),
                                new RemittanceLine("OZB", 2026, 0, 500, 500, 0, 0)),
                        0,
                        0,
                        100,
                        0,
                        100,
                        0));
    }

    @Test
    void a_negative_remittance_pays_nothing_and_carries_the_shortfall_forward() {
        fixture.given(registered(RemittanceSchedule.WEEKLY), FIRST_WEEK_PAID)
                .when(issue("2026-04-12", ozb(2026, 0)))
                .expectEvents(SECOND_WEEK_SHORT);
    }

    @Test
    void a_shortfall_carried_forward_is_deducted_from_the_next_remittance() {
        fixture.given(registered(RemittanceSchedule.WEEKLY), FIRST_WEEK_PAID, SECOND_WEEK_SHORT)
                .when(issue("2026-04-19", ozb(2026, 6000)))
                .expectEvents(issued(
                        "2026-04-13",
                        "2026-04-19",
                        List.of(new RemittanceLine("OZB", 2026, 6000, 0, 30, 30, 0)),
                        6000,
                        30,
                        0,
                        2985,
                        2985,
                        0));
    }

    @Test
    void a_receipt_booked_late_rolls_into_the_next_remittance() {
        // 40.00 covered on 5 April; a booking dated 3 April arrived afterwards, so cumulative receipts are now 50.00
        fixture.given(
                        registered(RemittanceSchedule.WEEKLY),
                        issued(
                                "2026-03-30",
                                "2026-04-05",
                                List.of(new RemittanceLine("OZB", 2026, 4000, 0, 20, 20, 0)),
                                4000,
                                20,
                                0,
                                0,
                                3980,
                                0))
                .when(issue("2026-04-12", ozb(2026, 5000)))
                .expectEvents(issued(
                        "2026-04-06",
                        "2026-04-12",
                        List.of(new RemittanceLine("OZB", 2026, 1000, 20, 25, 5, 0)),
                        1000,
                        5,
                        0,
                        0,
                        995,
                        0));
    }

    @Test
    void a_policy_change_applies_to_the_periods_ending_from_its_effective_date() {
        fixture.given(
                        registered(RemittanceSchedule.WEEKLY),
                        new RemittancePolicyChanged(
                                "GEM-A",
                                RemittanceSchedule.QUARTERLY,
                                BigDecimal.ZERO,
                                4,
                                day("2026-04-01"),
                                day("2026-03-01")))
                .when(issue("2026-06-30", ozb(2026, 3000)))
                .expectEvents(issued(
                        "2026-04-01",
                        "2026-06-30",
                        List.of(new RemittanceLine("OZB", 2026, 3000, 0, 0, 0, 0)),
                        3000,
                        0,
                        0,
                        0,
                        3000,
                        0));
    }

    @Test
    void a_policy_cannot_change_a_period_already_issued() {
        fixture.given(
                        registered(RemittanceSchedule.WEEKLY),
                        issued("2026-03-30", "2026-04-05", List.of(), 0, 0, 0, 0, 0, 0))
                .when(new ChangeRemittancePolicy(
                        "GEM-A", RemittanceSchedule.QUARTERLY, HALF_PERCENT, 4, day("2026-04-05"), day("2026-04-06")))
                .expectException(rejectedWith(ErrorCode.REMITTANCE_ALREADY_ISSUED));
    }

    @Test
    void an_issued_remittance_is_the_answer_to_the_command() {
        fixture.given(registered(RemittanceSchedule.WEEKLY))
                .when(issue("2026-04-05", ozb(2026, 3000)))
                .expectResultMessagePayload(FIRST_WEEK_PAID);
    }

    @Test
    void receipts_of_one_tax_type_and_year_given_twice_are_refused() {
        fixture.given(registered(RemittanceSchedule.WEEKLY))
                .when(issue("2026-04-05", ozb(2026, 3000), ozb(2026, 1000)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void a_policy_change_for_a_later_period_is_recorded_and_answered() {
        RemittancePolicyChanged changed = new RemittancePolicyChanged(
                "GEM-A", RemittanceSchedule.QUARTERLY, HALF_PERCENT, 2, day("2026-04-06"), day("2026-04-06"));
        fixture.given(registered(RemittanceSchedule.WEEKLY), FIRST_WEEK_PAID)
                .when(new ChangeRemittancePolicy(
                        "GEM-A", RemittanceSchedule.QUARTERLY, HALF_PERCENT, 2, day("2026-04-06"), day("2026-04-06")))
                .expectEvents(changed)
                .expectResultMessagePayload(changed);
    }

    @Test
    void a_policy_change_needs_a_schedule_a_start_and_a_reserve_rate_below_one() {
        for (ChangeRemittancePolicy change : List.of(
                new ChangeRemittancePolicy("GEM-A", null, HALF_PERCENT, 4, day("2026-05-01"), day("2026-04-06")),
                new ChangeRemittancePolicy(
                        "GEM-A", RemittanceSchedule.WEEKLY, HALF_PERCENT, 4, null, day("2026-04-06")),
                new ChangeRemittancePolicy(
                        "GEM-A", RemittanceSchedule.WEEKLY, BigDecimal.ONE, 4, day("2026-05-01"), day("2026-04-06")))) {
            fixture.given(registered(RemittanceSchedule.WEEKLY))
                    .when(change)
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void a_participant_is_registered_only_with_a_valid_iban_and_policy() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(
                        "GEM-A",
                        "Gemeente A",
                        "NL00ABNA0000000000",
                        RemittanceSchedule.WEEKLY,
                        HALF_PERCENT,
                        4,
                        day("2026-01-01")))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(
                        "GEM-A",
                        "Gemeente A",
                        "NL91ABNA0417164300",
                        RemittanceSchedule.WEEKLY,
                        new BigDecimal("-0.01"),
                        4,
                        day("2026-01-01")))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }
}
