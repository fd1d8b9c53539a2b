package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.CollectionRef;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.RecordDirectDebitFailure;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three strikes (domain.md §10, reglement art. 8.1): a mandate ends when its last three collection dates
 * that had a transaction for it all failed. One collection fails at most once.
 */
class DirectDebitStrikesTest {
    private static final LocalDate MARCH = day("2026-03-31");
    private static final LocalDate APRIL = day("2026-04-30");
    private static final LocalDate MAY = day("2026-05-29");
    private static final LocalDate JUNE = day("2026-06-30");
    private static final LocalDate BOOKED = day("2026-07-01");

    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    /** Assessment A1 of 100.00 and mandate M1 for it, signed on the issue day. */
    private static Object[] mandate(Object... then) {
        return with(
                new Object[] {
                    imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                    new DirectDebitMandateRegistered("S1", "M1", "ref", ISSUED, ISSUED)
                },
                then);
    }

    private static Object[] mandateWithTwoFailures() {
        return mandate(failed(MARCH, 1, MARCH), failed(APRIL, 2, APRIL));
    }

    /** Collection under M1 of {@code collectionDate} failed (AM04), the {@code consecutive}th failure in a row. */
    private static DirectDebitCollectionFailed failed(LocalDate collectionDate, int consecutive, LocalDate booked) {
        return new DirectDebitCollectionFailed("S1", "M1", collectionDate, "AM04", consecutive, booked);
    }

    /**
     * The third failed date in a row, on {@code collectionDate}: recorded, and M1 ends with it on the day the failure
     * is booked (not the collection date), and what is open of A1 falls due that day.
     */
    private static Object[] thirdFailureEndsTheMandate(LocalDate collectionDate, String reasonCode, long openCents) {
        return new Object[] {
            new DirectDebitCollectionFailed("S1", "M1", collectionDate, reasonCode, 3, BOOKED),
            new DirectDebitMandateEnded("S1", "M1", "THREE_FAILURES", BOOKED, BOOKED),
            new DirectDebitDebtFellDue("S1", "M1", List.of(new DueAssessment("A1", openCents)), BOOKED, BOOKED)
        };
    }

    /**
     * 10.00 for A1 by {@code channel}; a DIRECT_DEBIT one settles M1's collection of that date by rule 1 (value date
     * = collection date).
     */
    private static PaymentReceived collected(String paymentId, LocalDate valueDate, String channel) {
        return "DIRECT_DEBIT".equals(channel)
                ? collectedUnder("M1", valueDate, paymentId, valueDate)
                : payment(paymentId, valueDate, channel, null, null);
    }

    /** The rule-1 settlement of {@code mandateId}'s collection of {@code collectionDate}, valued {@code valueDate}. */
    private static PaymentReceived collectedUnder(
            String mandateId, LocalDate collectionDate, String paymentId, LocalDate valueDate) {
        return payment(
                paymentId,
                valueDate,
                "DIRECT_DEBIT",
                MatchedBy.DIRECT_DEBIT,
                new CollectionRef(mandateId, collectionDate));
    }

    private static PaymentReceived payment(
            String paymentId, LocalDate valueDate, String channel, MatchedBy matchedBy, CollectionRef collection) {
        return new PaymentReceived(
                "S1",
                paymentId,
                10_00,
                valueDate,
                "A1",
                channel,
                null,
                false,
                0,
                List.of(principal("A1", "L1", paymentId, 10_00)),
                0,
                valueDate,
                matchedBy,
                collection);
    }

    private static Object[] with(Object[] given, Object... more) {
        Object[] all = java.util.Arrays.copyOf(given, given.length + more.length);
        System.arraycopy(more, 0, all, given.length, more.length);
        return all;
    }

    @Test
    void a_second_failure_for_the_same_mandate_and_collection_date_is_refused_and_counts_once() {
        fixture.given(mandateWithTwoFailures())
                .when(new RecordDirectDebitFailure("S1", "M1", APRIL, "MD06", BOOKED))
                .expectException(rejectedWith(ErrorCode.DUPLICATE_ITEM))
                .expectNoEvents();
    }

    @Test
    void a_direct_debit_payment_of_an_earlier_collection_date_does_not_wipe_later_failures() {
        fixture.given(with(mandateWithTwoFailures(), collected("P1", day("2026-02-27"), "DIRECT_DEBIT")))
                .when(new RecordDirectDebitFailure("S1", "M1", MAY, "AM04", BOOKED))
                .expectEvents(thirdFailureEndsTheMandate(MAY, "AM04", 90_00));
    }

    @Test
    void a_direct_debit_payment_resets_only_the_mandate_it_was_collected_under() {
        fixture.given(with(
                        mandateWithTwoFailures(),
                        new DirectDebitMandateRegistered("S1", "M2", "ref2", APRIL, APRIL),
                        collectedUnder("M2", MAY, "P1", MAY)))
                .when(new RecordDirectDebitFailure("S1", "M1", JUNE, "AM04", BOOKED))
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M1", JUNE, "AM04", 3, BOOKED),
                        // M2 goes on collecting what M1 covered: nothing falls due
                        new DirectDebitMandateEnded("S1", "M1", "THREE_FAILURES", BOOKED, BOOKED));
    }

    @Test
    void a_collected_term_after_the_failures_starts_the_count_again() {
        fixture.given(with(mandateWithTwoFailures(), collected("P1", MAY, "DIRECT_DEBIT")))
                .when(new RecordDirectDebitFailure("S1", "M1", JUNE, "AM04", BOOKED))
                .expectEvents(failed(JUNE, 1, BOOKED));
    }

    @Test
    void a_transfer_is_no_collection_and_does_not_reset_the_count() {
        fixture.given(with(mandateWithTwoFailures(), collected("P1", MAY, "TRANSFER")))
                .when(new RecordDirectDebitFailure("S1", "M1", JUNE, "AM04", BOOKED))
                .expectEvents(thirdFailureEndsTheMandate(JUNE, "AM04", 90_00));
    }

    @Test
    void a_late_return_of_a_collected_term_counts_where_its_date_falls() {
        fixture.given(mandate(failed(MARCH, 1, MARCH), collected("P1", APRIL, "DIRECT_DEBIT"), failed(MAY, 1, MAY)))
                .when(new RecordDirectDebitFailure("S1", "M1", APRIL, "MD06", BOOKED))
                .expectEvents(thirdFailureEndsTheMandate(APRIL, "MD06", 90_00));
    }

    @Test
    void the_same_end_to_end_id_reported_twice_is_refused() {
        fixture.given(mandate(new DirectDebitCollectionFailed("S1", "M1", MARCH, "AM04", 1, MARCH, "DD20260331-1")))
                .when(new RecordDirectDebitFailure("S1", "M1", MARCH, "MD06", BOOKED, "DD20260331-1"))
                .expectException(rejectedWith(ErrorCode.DUPLICATE_ITEM))
                .expectNoEvents();
    }

    @Test
    void two_failed_transactions_of_one_collection_date_are_one_failed_date() {
        fixture.given(mandate(
                        new DirectDebitCollectionFailed("S1", "M1", MARCH, "AM04", 1, MARCH, "DD20260331-1"),
                        new DirectDebitCollectionFailed("S1", "M1", APRIL, "AM04", 2, APRIL, "DD20260430-1")))
                .when(new RecordDirectDebitFailure("S1", "M1", APRIL, "AM04", BOOKED, "DD20260430-2"))
                .expectEvents(new DirectDebitCollectionFailed("S1", "M1", APRIL, "AM04", 2, BOOKED, "DD20260430-2"));
    }

    @Test
    void three_failed_dates_without_a_collected_one_end_the_mandate_on_the_day_the_third_is_booked() {
        fixture.given(mandateWithTwoFailures())
                .when(new RecordDirectDebitFailure("S1", "M1", MAY, "AM04", BOOKED, "DD20260529-1"))
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M1", MAY, "AM04", 3, BOOKED, "DD20260529-1"),
                        new DirectDebitMandateEnded("S1", "M1", "THREE_FAILURES", BOOKED, BOOKED),
                        new DirectDebitDebtFellDue(
                                "S1", "M1", List.of(new DueAssessment("A1", 100_00)), BOOKED, BOOKED));
    }

    @Test
    void a_late_return_of_an_older_collection_between_two_collected_dates_does_not_end_the_mandate() {
        fixture.given(mandate(
                        failed(MARCH, 1, MARCH),
                        collected("P1", APRIL, "DIRECT_DEBIT"),
                        failed(MAY, 1, MAY),
                        collected("P2", JUNE, "DIRECT_DEBIT")))
                .when(new RecordDirectDebitFailure("S1", "M1", APRIL, "MD06", BOOKED))
                .expectEvents(new DirectDebitCollectionFailed("S1", "M1", APRIL, "MD06", 0, BOOKED));
    }

    @Test
    void a_late_return_of_a_collection_settled_days_after_its_date_counts_on_the_collection_date() {
        LocalDate july = day("2026-07-31");
        LocalDate settledOn = day("2026-08-03");
        fixture.given(mandate(failed(MAY, 1, MAY), failed(JUNE, 2, JUNE), collectedUnder("M1", july, "P1", settledOn)))
                .when(new RecordDirectDebitFailure("S1", "M1", july, "MD06", settledOn.plusDays(5), "DD20260731-1"))
                .expectEvents(
                        new DirectDebitCollectionFailed(
                                "S1", "M1", july, "MD06", 3, settledOn.plusDays(5), "DD20260731-1"),
                        new DirectDebitMandateEnded(
                                "S1", "M1", "THREE_FAILURES", settledOn.plusDays(5), settledOn.plusDays(5)),
                        new DirectDebitDebtFellDue(
                                "S1",
                                "M1",
                                List.of(new DueAssessment("A1", 90_00)),
                                settledOn.plusDays(5),
                                settledOn.plusDays(5)));
    }

    @Test
    void a_replaced_mandates_late_settlement_is_no_collected_date_of_the_new_mandate() {
        // M2 replaces M1 from 29 May; M1's April collection settles late, on 1 June
        fixture.given(mandate(
                        new DirectDebitMandateRegistered("S1", "M2", "ref2", APRIL, APRIL),
                        new DirectDebitMandateEnded("S1", "M1", "REPLACED", MAY, APRIL),
                        new DirectDebitCollectionFailed("S1", "M2", MAY, "AM04", 1, MAY),
                        new DirectDebitCollectionFailed("S1", "M2", JUNE, "AM04", 2, JUNE),
                        collectedUnder("M1", APRIL, "P1", day("2026-07-01"))))
                .when(new RecordDirectDebitFailure("S1", "M2", day("2026-07-31"), "AM04", BOOKED))
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M2", day("2026-07-31"), "AM04", 3, BOOKED),
                        new DirectDebitMandateEnded("S1", "M2", "THREE_FAILURES", BOOKED, BOOKED),
                        new DirectDebitDebtFellDue(
                                "S1", "M2", List.of(new DueAssessment("A1", 90_00)), BOOKED, BOOKED));
    }

    @Test
    void a_direct_debit_payment_typed_in_by_hand_names_no_collection_and_does_not_reset_the_count() {
        fixture.given(with(mandateWithTwoFailures(), payment("P1", MAY, "DIRECT_DEBIT", null, null)))
                .when(new RecordDirectDebitFailure("S1", "M1", JUNE, "AM04", BOOKED))
                .expectEvents(thirdFailureEndsTheMandate(JUNE, "AM04", 90_00));
    }

    @Test
    void a_rule_one_payment_booked_before_it_named_its_collection_counts_on_its_value_date_as_it_did() {
        // PaymentReceived revision 2: matched by rule 1, no collection named
        fixture.given(with(mandateWithTwoFailures(), payment("P1", MAY, "DIRECT_DEBIT", MatchedBy.DIRECT_DEBIT, null)))
                .when(new RecordDirectDebitFailure("S1", "M1", JUNE, "AM04", BOOKED))
                .expectEvents(failed(JUNE, 1, BOOKED));
    }

    @Test
    void a_failure_of_a_mandate_that_has_ended_is_recorded_and_ends_nothing_again() {
        fixture.given(with(mandateWithTwoFailures(), new DirectDebitMandateEnded("S1", "M1", "REVOKED", APRIL, APRIL)))
                .when(new RecordDirectDebitFailure("S1", "M1", MAY, "AM04", BOOKED))
                .expectEvents(failed(MAY, 3, BOOKED));
    }

    @Test
    void a_failure_of_an_unknown_mandate_is_refused() {
        fixture.given(mandate())
                .when(new RecordDirectDebitFailure("S1", "M9", MAY, "AM04", BOOKED))
                .expectException(rejectedWith(ErrorCode.UNKNOWN_ITEM))
                .expectNoEvents();
    }
}
