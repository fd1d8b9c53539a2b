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
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PayRefund;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.ReduceAssessment;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.ReversePayment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * More money rules of domain.md §4 at their edges (the second PIT pass, RELIABILITY.md): rests passed on, partly
 * paid-off negative credit, credit left after a partial refund. One rule per test; amounts worked out
 * by hand from the rule book.
 */
class AccountMoneyEdgesTest {
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

    @Test
    void after_a_cancellation_a_payment_no_longer_goes_to_that_cost_item() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        costs("S1", "A1", "K1", 800, "2026-04-10"),
                        payment("P0")
                                .by("S1")
                                .ofCents(300)
                                .valued("2026-04-20")
                                .allocating(onCosts("A1", "K1", "P0", 300))
                                .received(),
                        new CostsCancelled(
                                "S1", "A1", "K1", 500, List.of(onCosts("A1", "K1", "P0", 300)), ISSUED, "x", ISSUED))
                .when(pay("P1", 1000, "A1"))
                .expectEvents(received("P1", 1000, "A1", 0, 0, principal("A1", "L1", "P1", 1000)));
    }

    @Test
    void a_payment_directed_at_the_oldest_assessment_passes_its_rest_on_to_the_next_one() {
        fixture.given(
                        imposed("S1", "OLD", "2025-02-28", line("L1", "GEM-A", "OZB", 5000)),
                        imposed("S1", "NEW", "2026-02-27", line("L1", "GEM-A", "OZB", 4000)))
                .when(pay("P1", 6000, "OLD"))
                .expectEvents(received(
                        "P1",
                        6000,
                        "OLD",
                        0,
                        0,
                        principal("OLD", "L1", "P1", 5000),
                        principal("NEW", "L1", "P1", 1000)));
    }

    @Test
    void an_assessment_with_only_interest_open_is_still_settled() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 1000)),
                        payment("P0")
                                .by("S1")
                                .ofCents(1000)
                                .valued("2026-03-10")
                                .allocating(principal("A1", "L1", "P0", 1000))
                                .received(),
                        interest("S1", "A1", "R1", 150, "2026-04-10"))
                .when(pay("P1", 150, null))
                .expectEvents(received("P1", 150, null, 0, 0, onInterest("A1", "R1", "P1", 150)));
    }

    @Test
    void what_is_left_after_the_costs_of_an_assessment_without_open_principal_becomes_credit() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 1000)),
                        writtenOff("S1", "A1", "L1", 1000, "2026-04-01"),
                        costs("S1", "A1", "K1", 800, "2026-04-10"))
                .when(pay("P1", 1000, "A1"))
                .expectEvents(received("P1", 1000, "A1", 0, 200, onCosts("A1", "K1", "P1", 800)));
    }

    @Test
    void a_storno_takes_back_only_what_the_payment_holds() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        payment("P1")
                                .by("S1")
                                .ofCents(10000)
                                .valued("2026-03-10")
                                .allocating(principal("A1", "L1", "P1", 10000))
                                .received(),
                        costs("S1", "A1", "K1", 800, "2026-04-10"))
                .when(new ReversePayment("S1", "P1", day("2026-04-20"), "MD06", day("2026-04-20")))
                .expectEvents(new PaymentReversed(
                        "S1",
                        "P1",
                        10000,
                        day("2026-04-20"),
                        "MD06",
                        List.of(principal("A1", "L1", "P1", 10000)),
                        0,
                        List.of(),
                        0,
                        day("2026-04-20")));
    }

    @Test
    void a_partial_refund_leaves_the_rest_of_that_payments_credit_and_no_more() {
        fixture.given(creditOfP1AndNewerP2ThenA1())
                .andGiven(refund("S1", "T0", 1000, "2026-04-02", new PaymentAmount("P2", 1000)))
                .when(new PayRefund("S1", "T1", 4001, day("2026-04-10"), "acct", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.INSUFFICIENT_CREDIT));
    }

    @Test
    void a_reduction_is_bounded_by_what_write_offs_left_of_the_line() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        writtenOff("S1", "A1", "L1", 4000, "2026-04-01"))
                .when(new ReduceAssessment("S1", "A1", "L1", ReductionKind.VERMINDERING, 6001, ISSUED, null, ISSUED))
                .expectException(rejectedWith(ErrorCode.EXCEEDS_LINE_AMOUNT));
    }

    @Test
    void what_is_owed_is_paid_off_in_part_and_the_rest_stays_owed() {
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .andGiven(
                        new AssessmentReduced(
                                "S1",
                                "A13",
                                "L1",
                                ReductionKind.VERNIETIGING,
                                10000,
                                10000,
                                List.of(),
                                day("2026-04-03"),
                                null,
                                day("2026-04-03")),
                        payment("P8")
                                .by("S1")
                                .ofCents(2000)
                                .valued("2026-04-04")
                                .settlingNegativeCreditCents(2000)
                                .received())
                .when(pay("P9", 4000, null))
                .expectEvents(received("P9", 4000, null, 3000, 1000));
    }

    @Test
    void credit_beyond_what_is_owed_stays_credit_of_its_payment() {
        fixture.given(debtorOwesFiftyAfterTheStornoOfRefundedMoney())
                .andGiven(
                        imposed("S1", "A30", ISSUED, line("L1", "GEM-A", "OZB", 8000)),
                        payment("P30")
                                .by("S1")
                                .ofCents(8000)
                                .valued("2026-04-03")
                                .allocating(principal("A30", "L1", "P30", 8000))
                                .received(),
                        reduction("A30", "L1")
                                .by("S1")
                                .kind(ReductionKind.VERMINDERING)
                                .ofCents(8000)
                                .reducingOpenCents(0)
                                .decided("2026-04-05")
                                .takingBack(principal("A30", "L1", "P30", 8000))
                                .reduced())
                .when(new PayRefund("S1", "T1", 3001, day("2026-04-10"), "acct", day("2026-04-10")))
                .expectException(rejectedWith(ErrorCode.INSUFFICIENT_CREDIT));
    }
}
