package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.DUE;
import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.payment;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.GrantRemission;
import nl.taxledger.ledger.api.ImposeAssessment;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.PayRefund;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.ReduceAssessment;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.ReversePayment;
import nl.taxledger.ledger.api.WriteOffUncollectible;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The money rules of a debtor's account (domain.md §4), one rule per test. */
class DebtorAccountTest {
    private static final LocalDate BOOKED = day("2026-06-16");
    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static ReceivePayment pay(String paymentId, long cents, String directedAssessmentId) {
        return new ReceivePayment("S1", paymentId, cents, BOOKED, directedAssessmentId, directedAssessmentId,
                PaymentChannel.TRANSFER, null, BOOKED);
    }

    private static Object[] concat(Object[] first, Object[] then) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(then)).toArray();
    }

    /** A12 of 100.00 paid in full: 60.00 by P12a, then 40.00 by P12b; then {@code later}. */
    private static Object[] a12PaidByP12aAndThenP12b(Object... later) {
        return concat(new Object[] {imposed("S1", "A12", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                payment("P12a").by("S1").ofCents(6000).valued(ISSUED.plusDays(10))
                        .allocating(principal("A12", "L1", "P12a", 6000)).received(),
                payment("P12b").by("S1").ofCents(4000).valued(ISSUED.plusDays(10))
                        .allocating(principal("A12", "L1", "P12b", 4000)).received()}, later);
    }

    /** A13 of 100.00; P13 paid 150.00, the 50.00 credit was refunded; then {@code later}. */
    private static Object[] p13PaidTooMuchAndItsCreditRefunded(Object... later) {
        return concat(new Object[] {imposed("S1", "A13", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                payment("P13").by("S1").ofCents(15000).valued(ISSUED.plusDays(10))
                        .allocating(principal("A13", "L1", "P13", 10000)).leavingCreditCents(5000).received(),
                new RefundPaid("S1", "R1", 5000, List.of(new PaymentAmount("P13", 5000)), ISSUED, "ref", ISSUED)},
                later);
    }

    @Test
    void a_directed_payment_settles_costs_then_interest_then_principal_pro_rata() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 30000), line("L2", "GEM-A", "RIOOLHEFFING", 20000)),
                        new CostsCharged("S1", "A1", "K1", "AANMANING", 800, day("2026-06-10"), day("2026-06-10")),
                        new InterestCharged("S1", "A1", "R1", 150, day("2026-06-10"), day("2026-06-10")))
                .when(pay("P1", 10950, "A1"))
                .expectEvents(new PaymentReceived("S1", "P1", 10950, BOOKED, "A1", "TRANSFER", null, false, 0, List.of(
                        new Allocation("A1", Component.COSTS, "K1", "P1", 800),
                        new Allocation("A1", Component.INTEREST, "R1", "P1", 150),
                        principal("A1", "L1", "P1", 6000),
                        principal("A1", "L2", "P1", 4000)), 0, BOOKED));
    }

    @Test
    void cents_left_by_pro_rata_go_to_the_largest_remainder_and_ties_to_the_earlier_line() {
        fixture.given(imposed("S1", "A2", ISSUED, line("L1", "GEM-A", "OZB", 10000), line("L2", "GEM-B", "AFV", 10000),
                        line("L3", "WS-R", "WSH", 10000)))
                .when(pay("P1", 10000, "A2"))
                .expectEvents(new PaymentReceived("S1", "P1", 10000, BOOKED, "A2", "TRANSFER", null, false, 0, List.of(
                        principal("A2", "L1", "P1", 3334), principal("A2", "L2", "P1", 3333), principal("A2", "L3", "P1", 3333)),
                        0, BOOKED));
    }

    @Test
    void an_undirected_payment_settles_the_oldest_assessment_first_and_the_surplus_becomes_credit() {
        fixture.given(imposed("S1", "NEW", day("2026-02-27"), line("L1", "GEM-A", "OZB", 40000)),
                        imposed("S1", "OLD", day("2025-02-28"), line("L1", "GEM-A", "OZB", 5000)))
                .when(pay("P1", 50000, null))
                .expectEvents(new PaymentReceived("S1", "P1", 50000, BOOKED, null, "TRANSFER", null, false, 0, List.of(
                        principal("OLD", "L1", "P1", 5000), principal("NEW", "L1", "P1", 40000)), 5000, BOOKED));
    }

    @Test
    void a_reduction_above_the_open_principal_takes_the_excess_back_from_the_newest_payment_as_its_credit() {
        fixture.given(a12PaidByP12aAndThenP12b())
                .when(new ReduceAssessment("S1", "A12", "L1", ReductionKind.VERMINDERING, 5000, day("2026-04-01"), null, day("2026-04-01")))
                .expectEvents(new AssessmentReduced("S1", "A12", "L1", ReductionKind.VERMINDERING, 5000, 0, List.of(
                        principal("A12", "L1", "P12b", 4000), principal("A12", "L1", "P12a", 1000)),
                        day("2026-04-01"), null, day("2026-04-01")));
    }

    @Test
    void a_reduction_may_not_exceed_what_is_left_of_the_line() {
        fixture.given(imposed("S1", "A6", ISSUED, line("L1", "GEM-B", "AFV", 30000)),
                        new AssessmentReduced("S1", "A6", "L1", ReductionKind.VERMINDERING, 10000, 10000, List.of(), ISSUED, null, ISSUED))
                .when(new ReduceAssessment("S1", "A6", "L1", ReductionKind.VERMINDERING, 25000, ISSUED, null, ISSUED))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_LINE_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void a_storno_reverses_what_the_payment_still_holds_wherever_it_now_is() {
        fixture.given(a12PaidByP12aAndThenP12b(new AssessmentReduced("S1", "A12", "L1", ReductionKind.VERMINDERING,
                        5000, 0, List.of(principal("A12", "L1", "P12b", 4000), principal("A12", "L1", "P12a", 1000)),
                        ISSUED, null, ISSUED)))
                .when(new ReversePayment("S1", "P12a", day("2026-04-03"), "MD06", day("2026-04-03")))
                .expectEvents(new PaymentReversed("S1", "P12a", 6000, day("2026-04-03"), "MD06",
                        List.of(principal("A12", "L1", "P12a", 5000)), 1000, List.of(), 0, day("2026-04-03")));
    }

    @Test
    void a_storno_of_refunded_money_makes_the_credit_negative() {
        fixture.given(p13PaidTooMuchAndItsCreditRefunded())
                .when(new ReversePayment("S1", "P13", day("2026-04-20"), "MD06", day("2026-04-20")))
                .expectEvents(new PaymentReversed("S1", "P13", 15000, day("2026-04-20"), "MD06",
                        List.of(principal("A13", "L1", "P13", 10000)), 0, List.of(), 5000, day("2026-04-20")));
    }

    @Test
    void negative_credit_is_settled_before_any_assessment_by_the_next_undirected_payment() {
        fixture.given(p13PaidTooMuchAndItsCreditRefunded(new PaymentReversed("S1", "P13", 15000, ISSUED, "MD06",
                        List.of(principal("A13", "L1", "P13", 10000)), 0, List.of(), 5000, ISSUED)))
                .when(pay("P13b", 7000, null))
                .expectEvents(new PaymentReceived("S1", "P13b", 7000, BOOKED, null, "TRANSFER", null, false, 5000,
                        List.of(principal("A13", "L1", "P13b", 2000)), 0, BOOKED));
    }

    @Test
    void a_payment_can_be_reversed_only_once() {
        fixture.given(imposed("S1", "A5", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        payment("P5").by("S1").ofCents(5000).valued(ISSUED.plusDays(10))
                                .allocating(principal("A5", "L1", "P5", 5000)).received(),
                        new PaymentReversed("S1", "P5", 5000, ISSUED, "AM04", List.of(principal("A5", "L1", "P5", 5000)), 0, List.of(), 0, ISSUED))
                .when(new ReversePayment("S1", "P5", ISSUED, "AM04", ISSUED))
                .expectException(rejectedWith(ErrorCode.PAYMENT_ALREADY_REVERSED));
    }

    @Test
    void a_refund_above_the_credit_is_refused() {
        fixture.given(imposed("S1", "A6", ISSUED, line("L1", "GEM-B", "AFV", 30000)))
                .when(new PayRefund("S1", "R1", 100, ISSUED, "ref", ISSUED))
                .expectException(rejectedWith(ErrorCode.INSUFFICIENT_CREDIT));
    }

    @Test
    void a_remission_may_not_exceed_the_open_amount() {
        fixture.given(imposed("S1", "A7", ISSUED, line("L1", "GEM-A", "OZB", 25000)),
                        payment("P1").by("S1").ofCents(20000).valued(ISSUED.plusDays(10))
                                .allocating(principal("A7", "L1", "P1", 20000)).received())
                .when(new GrantRemission("S1", "A7", "L1", Component.PRINCIPAL, 5001, ISSUED, null, ISSUED))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void a_write_off_needs_a_reason_code() {
        fixture.given(imposed("S1", "A7", ISSUED, line("L1", "GEM-A", "OZB", 25000)))
                .when(new WriteOffUncollectible("S1", "A7", "L1", 25000, ISSUED, " ", ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void an_assessment_id_is_imposed_once() {
        fixture.given(imposed("S1", "A9", ISSUED, line("L1", "GEM-A", "OZB", 9000)))
                .when(new ImposeAssessment("S1", "A9", ISSUED, DUE, "A9", List.of(line("L1", "GEM-A", "OZB", 9000)), ISSUED))
                .expectException(rejectedWith(ErrorCode.DUPLICATE_ASSESSMENT));
    }
}
