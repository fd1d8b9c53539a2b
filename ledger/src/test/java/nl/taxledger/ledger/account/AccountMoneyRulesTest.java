package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.costs;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.interest;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.onCosts;
import static nl.taxledger.ledger.testing.LedgerEvents.onInterest;
import static nl.taxledger.ledger.testing.LedgerEvents.payment;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.LedgerEvents.reduction;
import static nl.taxledger.ledger.testing.LedgerEvents.refund;
import static nl.taxledger.ledger.testing.LedgerEvents.reversal;
import static nl.taxledger.ledger.testing.LedgerEvents.writtenOff;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.CancelCosts;
import nl.taxledger.ledger.api.CancelInterest;
import nl.taxledger.ledger.api.ChargeCosts;
import nl.taxledger.ledger.api.ChargeInterest;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.GrantRemission;
import nl.taxledger.ledger.api.ImposeAssessment;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.OffsetCredit;
import nl.taxledger.ledger.api.PayRefund;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.ReduceAssessment;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.ReinstateUncollectible;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.ReversePayment;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WriteOffUncollectible;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money rules of domain.md §4 that the mutation run (RELIABILITY.md, PIT) found unstated: costs, interest,
 * set-off, refunds, storno and negative credit, remission and write-off. One rule per test; amounts worked out
 * by hand from the rule book.
 */
class AccountMoneyRulesTest {
    private static final LocalDate BOOKED = day("2026-06-16");
    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static ReceivePayment pay(String paymentId, long cents, String directedAssessmentId) {
        return new ReceivePayment(
                "S1",
                paymentId,
                cents,
                BOOKED,
                directedAssessmentId,
                directedAssessmentId,
                PaymentChannel.TRANSFER,
                null,
                BOOKED);
    }

    private static PaymentReceived received(
            String paymentId,
            long cents,
            String reference,
            long owedSettledCents,
            long creditCents,
            nl.taxledger.ledger.api.Allocation... allocations) {
        return new PaymentReceived(
                "S1",
                paymentId,
                cents,
                BOOKED,
                reference,
                "TRANSFER",
                null,
                false,
                owedSettledCents,
                List.of(allocations),
                creditCents,
                BOOKED);
    }

    /** A0 of 50.00 paid by P1 (80.00, 30.00 left as credit); P2 of 20.00 all credit; then A1 with two lines. */
    private static Object[] creditOfP1AndNewerP2ThenA1() {
        return new Object[] {
            imposed("S1", "A0", ISSUED, line("L1", "GEM-A", "OZB", 5000)),
            payment("P1")
                    .by("S1")
                    .ofCents(8000)
                    .valued("2026-03-10")
                    .allocating(principal("A0", "L1", "P1", 5000))
                    .leavingCreditCents(3000)
                    .received(),
            payment("P2")
                    .by("S1")
                    .ofCents(2000)
                    .valued("2026-03-11")
                    .leavingCreditCents(2000)
                    .received(),
            imposed("S1", "A1", "2026-04-01", line("L1", "GEM-A", "OZB", 6000), line("L2", "GEM-B", "AFV", 4000))
        };
    }

    /** A13 of 100.00; P13 paid 150.00, its 50.00 credit refunded, then P13 reversed: the debtor owes 50.00. */
    private static Object[] debtorOwesFiftyAfterTheStornoOfRefundedMoney() {
        return new Object[] {
            imposed("S1", "A13", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
            payment("P13")
                    .by("S1")
                    .ofCents(15000)
                    .valued("2026-03-10")
                    .allocating(principal("A13", "L1", "P13", 10000))
                    .leavingCreditCents(5000)
                    .received(),
            refund("S1", "R1", 5000, "2026-03-20", new PaymentAmount("P13", 5000)),
            reversal("P13")
                    .by("S1")
                    .ofCents(15000)
                    .on("2026-04-02")
                    .takingBack(principal("A13", "L1", "P13", 10000))
                    .addingNegativeCreditCents(5000)
                    .reversed()
        };
    }

    // ---- art. 7 order within an assessment --------------------------------------------------------

    @Test
    void costs_are_settled_oldest_cost_item_first_whatever_the_order_they_were_charged_in() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K-LATE", 700, "2026-05-10"),
                        costs("S1", "A1", "K-EARLY", 500, "2026-04-10"))
                .when(pay("P1", 600, "A1"))
                .expectEvents(received(
                        "P1",
                        600,
                        "A1",
                        0,
                        0,
                        onCosts("A1", "K-EARLY", "P1", 500),
                        onCosts("A1", "K-LATE", "P1", 100)));
    }

    @Test
    void a_payment_that_covers_just_the_costs_puts_nothing_on_interest_or_principal() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        interest("S1", "A1", "R1", 150, "2026-04-10"))
                .when(pay("P1", 800, "A1"))
                .expectEvents(received("P1", 800, "A1", 0, 0, onCosts("A1", "K1", "P1", 800)));
    }

    @Test
    void a_payment_of_exactly_the_open_amount_leaves_no_credit() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)))
                .when(pay("P1", 10000, null))
                .expectEvents(received("P1", 10000, null, 0, 0, principal("A1", "L1", "P1", 10000)));
    }

    @Test
    void undirected_payments_settle_by_issue_date_then_due_date_then_assessment_id_as_text() {
        LocalDate issued = day("2026-03-01");
        fixture.given(
                        new nl.taxledger.ledger.api.AssessmentImposed(
                                "S1",
                                "A9",
                                issued,
                                day("2026-05-01"),
                                "A9",
                                List.of(line("L1", "GEM-A", "OZB", 1000)),
                                issued),
                        new nl.taxledger.ledger.api.AssessmentImposed(
                                "S1",
                                "A8",
                                issued,
                                day("2026-06-01"),
                                "A8",
                                List.of(line("L1", "GEM-A", "OZB", 1000)),
                                issued),
                        new nl.taxledger.ledger.api.AssessmentImposed(
                                "S1",
                                "A10",
                                issued,
                                day("2026-05-01"),
                                "A10",
                                List.of(line("L1", "GEM-A", "OZB", 1000)),
                                issued))
                .when(pay("P1", 2500, null))
                .expectEvents(received(
                        "P1",
                        2500,
                        null,
                        0,
                        0,
                        principal("A10", "L1", "P1", 1000),
                        principal("A9", "L1", "P1", 1000),
                        principal("A8", "L1", "P1", 500)));
    }

    @Test
    void a_directed_payment_settles_its_assessment_first_even_when_another_is_older() {
        fixture.given(
                        imposed("S1", "OLD", "2025-02-28", line("L1", "GEM-A", "OZB", 5000)),
                        imposed("S1", "NEW", "2026-02-27", line("L1", "GEM-A", "OZB", 4000)))
                .when(pay("P1", 5000, "NEW"))
                .expectEvents(received(
                        "P1",
                        5000,
                        "NEW",
                        0,
                        0,
                        principal("NEW", "L1", "P1", 4000),
                        principal("OLD", "L1", "P1", 1000)));
    }

    @Test
    void a_payment_must_be_positive_and_booked_once() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)))
                .when(pay("P1", 0, null))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        payment("P1")
                                .by("S1")
                                .ofCents(100)
                                .valued("2026-03-10")
                                .allocating(principal("A1", "L1", "P1", 100))
                                .received())
                .when(pay("P1", 100, null))
                .expectException(rejectedWith(ErrorCode.DUPLICATE_PAYMENT));
    }

    // ---- imposing, costs and interest -------------------------------------------------------------

    @Test
    void an_assessment_due_on_its_issue_date_is_imposed_but_one_due_before_it_is_refused() {
        ImposeAssessment dueSameDay = new ImposeAssessment(
                "S1", "A1", ISSUED, ISSUED, "A1", List.of(line("L1", "GEM-A", "OZB", 100)), ISSUED);
        fixture.givenNoPriorActivity()
                .when(dueSameDay)
                .expectEvents(new nl.taxledger.ledger.api.AssessmentImposed(
                        "S1", "A1", ISSUED, ISSUED, "A1", List.of(line("L1", "GEM-A", "OZB", 100)), ISSUED));
        fixture.givenNoPriorActivity()
                .when(new ImposeAssessment(
                        "S1",
                        "A1",
                        ISSUED,
                        ISSUED.minusDays(1),
                        "A1",
                        List.of(line("L1", "GEM-A", "OZB", 100)),
                        ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void an_assessment_needs_lines_with_distinct_ids_and_positive_amounts() {
        for (List<nl.taxledger.ledger.api.LineSpec> lines : List.of(
                List.<nl.taxledger.ledger.api.LineSpec>of(),
                List.of(line("L1", "GEM-A", "OZB", 100), line("L1", "GEM-A", "AFV", 100)),
                List.of(line("L1", "GEM-A", "OZB", 0)))) {
            fixture.givenNoPriorActivity()
                    .when(new ImposeAssessment("S1", "A1", ISSUED, ISSUED, "A1", lines, ISSUED))
                    .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void costs_are_charged_once_per_item_with_a_positive_amount() {
        ChargeCosts charge = new ChargeCosts("S1", "A1", "K1", "AANMANING", 800, ISSUED, ISSUED);
        CostsCharged charged = new CostsCharged("S1", "A1", "K1", "AANMANING", 800, ISSUED, ISSUED);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)))
                .when(charge)
                .expectEvents(charged)
                .expectResultMessagePayload(charged);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)), charged)
                .when(charge)
                .expectException(rejectedWith(ErrorCode.DUPLICATE_ITEM));
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)))
                .when(new ChargeCosts("S1", "A1", "K1", "AANMANING", 0, ISSUED, ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void interest_is_charged_once_per_item_with_a_positive_amount() {
        ChargeInterest charge = new ChargeInterest("S1", "A1", "R1", 150, ISSUED, ISSUED);
        InterestCharged charged = new InterestCharged("S1", "A1", "R1", 150, ISSUED, ISSUED);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)))
                .when(charge)
                .expectEvents(charged)
                .expectResultMessagePayload(charged);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)), charged)
                .when(charge)
                .expectException(rejectedWith(ErrorCode.DUPLICATE_ITEM));
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)))
                .when(new ChargeInterest("S1", "A1", "R1", 0, ISSUED, ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_cancelled_cost_item_cancels_its_open_part_and_what_was_paid_on_it_becomes_credit_of_that_payment() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        payment("P1")
                                .by("S1")
                                .ofCents(300)
                                .valued("2026-04-20")
                                .allocating(onCosts("A1", "K1", "P1", 300))
                                .received())
                .when(new CancelCosts("S1", "A1", "K1", day("2026-05-01"), "bezwaar", day("2026-05-01")))
                .expectEvents(new CostsCancelled(
                        "S1",
                        "A1",
                        "K1",
                        500,
                        List.of(onCosts("A1", "K1", "P1", 300)),
                        day("2026-05-01"),
                        "bezwaar",
                        day("2026-05-01")));
    }

    @Test
    void the_money_of_a_cancelled_cost_item_can_be_refunded() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        payment("P1")
                                .by("S1")
                                .ofCents(300)
                                .valued("2026-04-20")
                                .allocating(onCosts("A1", "K1", "P1", 300))
                                .received(),
                        new CostsCancelled(
                                "S1",
                                "A1",
                                "K1",
                                500,
                                List.of(onCosts("A1", "K1", "P1", 300)),
                                day("2026-05-01"),
                                "bezwaar",
                                day("2026-05-01")))
                .when(new PayRefund("S1", "T1", 300, day("2026-05-02"), "acct", day("2026-05-02")))
                .expectEvents(new RefundPaid(
                        "S1",
                        "T1",
                        300,
                        List.of(new PaymentAmount("P1", 300)),
                        day("2026-05-02"),
                        "acct",
                        day("2026-05-02")));
    }

    @Test
    void a_cancelled_interest_item_cancels_its_open_part_and_its_paid_part_becomes_credit() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        interest("S1", "A1", "R1", 150, "2026-04-10"),
                        payment("P1")
                                .by("S1")
                                .ofCents(100)
                                .valued("2026-04-20")
                                .allocating(onInterest("A1", "R1", "P1", 100))
                                .received())
                .when(new CancelInterest("S1", "A1", "R1", day("2026-05-01"), "bezwaar", day("2026-05-01")))
                .expectEvents(new InterestCancelled(
                        "S1",
                        "A1",
                        "R1",
                        50,
                        List.of(onInterest("A1", "R1", "P1", 100)),
                        day("2026-05-01"),
                        "bezwaar",
                        day("2026-05-01")));
    }

    @Test
    void a_cost_item_is_cancelled_once_and_an_unknown_one_not_at_all() {
        CostsCancelled cancelled = new CostsCancelled("S1", "A1", "K1", 800, List.of(), ISSUED, "x", ISSUED);
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        cancelled)
                .when(new CancelCosts("S1", "A1", "K1", ISSUED, "x", ISSUED))
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100)))
                .when(new CancelCosts("S1", "A1", "K9", ISSUED, "x", ISSUED))
                .expectException(rejectedWith(ErrorCode.UNKNOWN_ITEM));
    }

    @Test
    void after_a_cancellation_a_payment_no_longer_goes_to_that_cost_item() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        new CostsCancelled("S1", "A1", "K1", 800, List.of(), ISSUED, "x", ISSUED))
                .when(pay("P1", 1000, "A1"))
                .expectEvents(received("P1", 1000, "A1", 0, 0, principal("A1", "L1", "P1", 1000)));
    }

    // ---- credit: set-off and refund spend the newest payment's credit first -------------------------

    @Test
    void a_set_off_spends_the_newest_payments_credit_first_and_each_allocation_names_the_payment_that_paid_it() {
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .when(new OffsetCredit("S1", 5000, day("2026-04-10"), null, "verrekening", day("2026-04-10")))
                .expectEvents(new CreditOffset(
                        "S1",
                        5000,
                        List.of(new PaymentAmount("P2", 2000), new PaymentAmount("P1", 3000)),
                        List.of(
                                principal("A1", "L1", "P2", 2000),
                                principal("A1", "L1", "P1", 1000),
                                principal("A1", "L2", "P1", 2000)),
                        day("2026-04-10"),
                        "verrekening",
                        day("2026-04-10")));
    }

    @Test
    void a_set_off_up_to_the_whole_credit_is_allowed_but_not_a_cent_more() {
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .when(new OffsetCredit("S1", 5001, day("2026-04-10"), null, "v", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.INSUFFICIENT_CREDIT));
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .when(new OffsetCredit("S1", 5000, day("2026-04-10"), "A1", "v", day("2026-04-10")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_set_off_may_not_exceed_the_open_claims() {
        fixture.given(
                        imposed("S1", "A0", ISSUED, line("L1", "GEM-A", "OZB", 1000)),
                        payment("P1")
                                .by("S1")
                                .ofCents(9000)
                                .valued("2026-03-10")
                                .allocating(principal("A0", "L1", "P1", 1000))
                                .leavingCreditCents(8000)
                                .received(),
                        imposed("S1", "A1", "2026-04-01", line("L1", "GEM-A", "OZB", 500)))
                .when(new OffsetCredit("S1", 501, day("2026-04-10"), null, "v", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void a_set_off_directed_at_an_assessment_settles_that_one_first() {
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .andGiven(imposed("S1", "A2", "2026-05-01", line("L1", "GEM-A", "OZB", 1000)))
                .when(new OffsetCredit("S1", 1000, day("2026-05-10"), "A2", "v", day("2026-05-10")))
                .expectEvents(new CreditOffset(
                        "S1",
                        1000,
                        List.of(new PaymentAmount("P2", 1000)),
                        List.of(principal("A2", "L1", "P2", 1000)),
                        day("2026-05-10"),
                        "v",
                        day("2026-05-10")));
    }

    @Test
    void a_set_off_or_refund_must_be_positive() {
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .when(new OffsetCredit("S1", 0, day("2026-04-10"), null, "v", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .when(new PayRefund("S1", "T1", 0, day("2026-04-10"), "acct", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_refund_spends_the_newest_payments_credit_first_and_may_take_all_of_it() {
        PayRefund all = new PayRefund("S1", "T1", 5000, day("2026-04-10"), "acct", day("2026-04-10"));
        RefundPaid paid = new RefundPaid(
                "S1",
                "T1",
                5000,
                List.of(new PaymentAmount("P2", 2000), new PaymentAmount("P1", 3000)),
                day("2026-04-10"),
                "acct",
                day("2026-04-10"));
        fixture.given(creditOfP1AndNewerP2ThenA1()).when(all).expectEvents(paid).expectResultMessagePayload(paid);
    }

    // ---- storno and negative credit -----------------------------------------------------------------

    @Test
    void a_storno_takes_the_rest_from_other_credit_newest_first_and_what_is_still_missing_is_owed() {
        fixture.given(
                        imposed("S1", "A13", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        payment("P13")
                                .by("S1")
                                .ofCents(15000)
                                .valued("2026-03-10")
                                .allocating(principal("A13", "L1", "P13", 10000))
                                .leavingCreditCents(5000)
                                .received(),
                        refund("S1", "R1", 5000, "2026-03-20", new PaymentAmount("P13", 5000)),
                        payment("P14")
                                .by("S1")
                                .ofCents(2000)
                                .valued("2026-03-21")
                                .leavingCreditCents(2000)
                                .received(),
                        payment("P15")
                                .by("S1")
                                .ofCents(1000)
                                .valued("2026-03-22")
                                .leavingCreditCents(1000)
                                .received())
                .when(new ReversePayment("S1", "P13", day("2026-04-02"), "MD06", day("2026-04-02")))
                .expectEvents(new PaymentReversed(
                        "S1",
                        "P13",
                        15000,
                        day("2026-04-02"),
                        "MD06",
                        List.of(principal("A13", "L1", "P13", 10000)),
                        0,
                        List.of(new PaymentAmount("P15", 1000), new PaymentAmount("P14", 2000)),
                        2000,
                        day("2026-04-02")));
    }

    @Test
    void what_the_debtor_owes_leaves_no_credit_to_refund() {
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .when(new PayRefund("S1", "T2", 1, day("2026-04-10"), "acct", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.INSUFFICIENT_CREDIT));
    }

    @Test
    void credit_that_arises_while_the_debtor_owes_first_pays_off_what_is_owed() {
        AssessmentReduced reducedBelowWhatWasPaid = reduction("A30", "L1")
                .by("S1")
                .kind(ReductionKind.VERMINDERING)
                .ofCents(4000)
                .reducingOpenCents(0)
                .decided("2026-04-05")
                .takingBack(principal("A30", "L1", "P30", 4000))
                .reduced();
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .andGiven(
                        imposed("S1", "A30", ISSUED, line("L1", "GEM-A", "OZB", 4000)),
                        payment("P30")
                                .by("S1")
                                .ofCents(4000)
                                .valued("2026-04-03")
                                .allocating(principal("A30", "L1", "P30", 4000))
                                .received(),
                        reducedBelowWhatWasPaid)
                .when(pay("P9", 1500, null))
                .expectEvents(received("P9", 1500, null, 1000, 0, principal("A13", "L1", "P9", 500)));
    }

    @Test
    void a_directed_payment_settles_its_assessment_then_what_is_owed_then_the_others() {
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .andGiven(imposed("S1", "A20", "2026-04-05", line("L1", "GEM-A", "OZB", 6000)))
                .when(pay("P9", 12000, "A20"))
                .expectEvents(received(
                        "P9",
                        12000,
                        "A20",
                        5000,
                        0,
                        principal("A20", "L1", "P9", 6000),
                        principal("A13", "L1", "P9", 1000)));
    }

    @Test
    void when_the_owed_amount_is_paid_off_the_rest_of_the_payment_becomes_credit() {
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .andGiven(new AssessmentReduced(
                        "S1",
                        "A13",
                        "L1",
                        ReductionKind.VERNIETIGING,
                        10000,
                        10000,
                        List.of(),
                        day("2026-04-03"),
                        null,
                        day("2026-04-03")))
                .when(pay("P9", 7000, null))
                .expectEvents(received("P9", 7000, null, 5000, 2000));
    }

    // ---- amounts off without money ----------------------------------------------------------------

    @Test
    void a_reduction_of_exactly_what_is_left_of_the_line_is_allowed() {
        AssessmentReduced reduced = new AssessmentReduced(
                "S1", "A1", "L1", ReductionKind.ONTHEFFING, 10000, 10000, List.of(), ISSUED, null, ISSUED);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)))
                .when(new ReduceAssessment("S1", "A1", "L1", ReductionKind.ONTHEFFING, 10000, ISSUED, null, ISSUED))
                .expectEvents(reduced)
                .expectResultMessagePayload(reduced);
    }

    @Test
    void remission_of_costs_takes_the_oldest_cost_item_first() {
        RemissionGranted granted = new RemissionGranted(
                "S1",
                "A1",
                Component.COSTS,
                800,
                List.of(
                        new ClaimAmount(Component.COSTS, "K-EARLY", 500),
                        new ClaimAmount(Component.COSTS, "K-LATE", 300)),
                ISSUED,
                "kwijtschelding",
                ISSUED);
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K-LATE", 700, "2026-05-10"),
                        costs("S1", "A1", "K-EARLY", 500, "2026-04-10"))
                .when(new GrantRemission("S1", "A1", null, Component.COSTS, 800, ISSUED, "kwijtschelding", ISSUED))
                .expectEvents(granted)
                .expectResultMessagePayload(granted);
    }

    @Test
    void remission_of_interest_may_take_all_that_is_open_but_not_more() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        interest("S1", "A1", "R1", 150, "2026-04-10"))
                .when(new GrantRemission("S1", "A1", null, Component.INTEREST, 150, ISSUED, "k", ISSUED))
                .expectEvents(new RemissionGranted(
                        "S1",
                        "A1",
                        Component.INTEREST,
                        150,
                        List.of(new ClaimAmount(Component.INTEREST, "R1", 150)),
                        ISSUED,
                        "k",
                        ISSUED));
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        interest("S1", "A1", "R1", 150, "2026-04-10"))
                .when(new GrantRemission("S1", "A1", null, Component.INTEREST, 151, ISSUED, "k", ISSUED))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void remitted_costs_are_no_longer_paid() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        new RemissionGranted(
                                "S1",
                                "A1",
                                Component.COSTS,
                                800,
                                List.of(new ClaimAmount(Component.COSTS, "K1", 800)),
                                ISSUED,
                                "k",
                                ISSUED))
                .when(pay("P1", 1000, "A1"))
                .expectEvents(received("P1", 1000, "A1", 0, 0, principal("A1", "L1", "P1", 1000)));
    }

    @Test
    void a_write_off_may_take_the_whole_open_principal_but_not_more() {
        WrittenOffAsUncollectible writtenOff =
                new WrittenOffAsUncollectible("S1", "A1", "L1", 10000, ISSUED, "FAILLIET", ISSUED);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)))
                .when(new WriteOffUncollectible("S1", "A1", "L1", 10000, ISSUED, "FAILLIET", ISSUED))
                .expectEvents(writtenOff)
                .expectResultMessagePayload(writtenOff);
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)))
                .when(new WriteOffUncollectible("S1", "A1", "L1", 10001, ISSUED, "FAILLIET", ISSUED))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_OPEN_AMOUNT));
    }

    @Test
    void a_written_off_line_is_not_paid_until_it_is_reinstated() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 10000, "2026-04-01"))
                .when(pay("P1", 1000, null))
                .expectEvents(received("P1", 1000, null, 0, 1000));
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 10000, "2026-04-01"),
                        new UncollectibleReinstated("S1", "A1", "L1", 4000, ISSUED, "r", ISSUED))
                .when(pay("P1", 5000, null))
                .expectEvents(received("P1", 5000, null, 0, 1000, principal("A1", "L1", "P1", 4000)));
    }

    @Test
    void a_reinstatement_may_bring_back_all_that_was_written_off_but_not_more() {
        UncollectibleReinstated reinstated = new UncollectibleReinstated("S1", "A1", "L1", 4000, ISSUED, "r", ISSUED);
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 4000, "2026-04-01"))
                .when(new ReinstateUncollectible("S1", "A1", "L1", 4000, ISSUED, "r", ISSUED))
                .expectEvents(reinstated)
                .expectResultMessagePayload(reinstated);
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 4000, "2026-04-01"))
                .when(new ReinstateUncollectible("S1", "A1", "L1", 4001, ISSUED, "r", ISSUED))
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 4000, "2026-04-01"))
                .when(new ReinstateUncollectible("S1", "A1", "L1", 0, ISSUED, "r", ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }
}
