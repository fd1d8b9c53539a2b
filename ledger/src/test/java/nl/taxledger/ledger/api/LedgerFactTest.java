package nl.taxledger.ledger.api;

import static nl.taxledger.ledger.api.EveryFact.BOOKED;
import static nl.taxledger.ledger.api.EveryFact.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shared questions every fact answers about itself, one table per question, a row per fact type. */
class LedgerFactTest {

    private static LedgerFact sample(Class<? extends LedgerFact> type) {
        return EveryFact.inOrder().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    /** The fact types: the records LedgerFact permits (the rest of its permits are sub-interfaces of shared answers). */
    private static Set<Class<?>> factTypes() {
        return Arrays.stream(LedgerFact.class.getPermittedSubclasses())
                .filter(Class::isRecord)
                .collect(Collectors.toSet());
    }

    /** Every record below LedgerFact, through any sealed sub-interface. */
    private static Set<Class<?>> recordsBelow(Class<?> type) {
        if (type.isRecord()) {
            return Set.of(type);
        }
        return Arrays.stream(type.getPermittedSubclasses())
                .flatMap(sub -> recordsBelow(sub).stream())
                .collect(Collectors.toSet());
    }

    @Test
    void the_samples_hold_every_fact_type_once() {
        Set<Class<?>> sampled =
                EveryFact.inOrder().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(EveryFact.inOrder()).hasSize(factTypes().size());
        assertThat(sampled).isEqualTo(factTypes());
    }

    @Test
    void every_record_below_a_shared_answer_is_listed_as_a_fact_type() {
        assertThat(factTypes()).isNotEmpty();
        assertThat(recordsBelow(LedgerFact.class)).isEqualTo(factTypes());
    }

    @Test
    void the_effective_date_of_every_fact_type() {
        Map<Class<? extends LedgerFact>, LocalDate> expected = new LinkedHashMap<>();
        expected.put(AssessmentImposed.class, day("2026-02-27")); // issue date
        expected.put(AssessmentReduced.class, day("2026-05-13")); // decision date
        expected.put(CostsCharged.class, day("2026-05-10")); // date of the charge
        expected.put(CostsCancelled.class, day("2026-05-14")); // decision date
        expected.put(InterestCharged.class, day("2026-05-11"));
        expected.put(InterestCancelled.class, day("2026-05-15"));
        expected.put(PaymentReceived.class, day("2026-05-12")); // value date
        expected.put(PaymentReversed.class, day("2026-05-18")); // value date of the storno
        expected.put(CreditOffset.class, day("2026-05-16"));
        expected.put(RefundPaid.class, day("2026-05-17")); // value date
        expected.put(RemissionGranted.class, day("2026-05-19"));
        expected.put(WrittenOffAsUncollectible.class, day("2026-05-20"));
        expected.put(UncollectibleReinstated.class, day("2026-05-21"));
        expected.put(PaymentUnmatched.class, day("2026-05-02")); // value date
        expected.put(UnmatchedPaymentReversed.class, day("2026-05-03"));
        expected.put(RemittanceIssued.class, day("2026-05-31")); // period end
        expected.put(DirectDebitRunIssued.class, day("2026-05-29")); // collection date
        expected.put(DeferralGranted.class, day("2026-05-22")); // from
        expected.put(DeferralEnded.class, day("2026-05-23"));
        expected.put(PaymentArrangementAgreed.class, day("2026-05-24"));
        expected.put(PaymentArrangementTermMissed.class, day("2026-05-25")); // the term's due date
        expected.put(PaymentArrangementEnded.class, day("2026-05-26"));
        expected.put(DirectDebitMandateRegistered.class, day("2026-05-27")); // signed
        expected.put(DirectDebitCollectionFailed.class, day("2026-05-28")); // collection date
        expected.put(DirectDebitMandateEnded.class, day("2026-05-29"));
        expected.put(DirectDebitDebtFellDue.class, day("2026-05-30")); // the mandate's end
        expected.put(RemittancePolicyChanged.class, day("2026-07-01")); // effective from
        expected.put(BankStatementRecorded.class, day("2026-05-01")); // the statement's own date
        expected.put(PayoutExecuted.class, day("2026-06-02")); // the debit's value date
        expected.put(BankAccountRegistered.class, BOOKED); // no date of its own
        expected.put(ParticipantRegistered.class, BOOKED); // no date of its own
        expected.put(UnmatchedPaymentAssigned.class, BOOKED); // no date of its own
        expected.put(PeriodClosed.class, BOOKED); // "through" is what it closes, not when
        expected.put(RemittanceRunApproved.class, BOOKED); // approvals and IBAN changes act on the day done
        expected.put(RefundsReleased.class, BOOKED);
        expected.put(ParticipantIbanChangeRequested.class, BOOKED);
        expected.put(ParticipantIbanChanged.class, BOOKED);

        assertThat(expected.keySet()).isEqualTo(factTypes());
        expected.forEach((type, date) -> assertThat(sample(type).effectiveDate())
                .as(type.getSimpleName())
                .isEqualTo(date));
    }

    @Test
    void the_booking_date_of_every_fact_type_is_the_day_it_was_booked() {
        for (LedgerFact fact : EveryFact.inOrder()) {
            assertThat(fact.bookingDate()).as(fact.getClass().getSimpleName()).isEqualTo(BOOKED);
        }
    }

    @Test
    void the_debtor_of_every_fact_type() {
        Set<Class<? extends LedgerFact>> withoutDebtor = Set.of(
                ParticipantRegistered.class,
                RemittancePolicyChanged.class,
                RemittanceIssued.class,
                PeriodClosed.class,
                PaymentUnmatched.class,
                UnmatchedPaymentReversed.class,
                BankAccountRegistered.class,
                BankStatementRecorded.class,
                RemittanceRunApproved.class,
                RefundsReleased.class,
                DirectDebitRunIssued.class,
                PayoutExecuted.class,
                ParticipantIbanChangeRequested.class,
                ParticipantIbanChanged.class);

        for (LedgerFact fact : EveryFact.inOrder()) {
            Optional<String> expected = withoutDebtor.contains(fact.getClass()) ? Optional.empty() : Optional.of("S1");
            assertThat(fact.debtor()).as(fact.getClass().getSimpleName()).isEqualTo(expected);
        }
    }

    @Test
    void the_principal_receipts_of_every_fact_type() {
        Map<Class<? extends LedgerFact>, List<PrincipalReceipt>> expected = Map.of(
                PaymentReceived.class, List.of(new PrincipalReceipt(ReceiptKind.PAYMENT, "A1", "L1", 100_00)),
                CreditOffset.class, List.of(new PrincipalReceipt(ReceiptKind.SET_OFF, "A1", "L2", 10_00)),
                PaymentReversed.class, List.of(new PrincipalReceipt(ReceiptKind.STORNO, "A1", "L1", -50_00)),
                AssessmentReduced.class, List.of(new PrincipalReceipt(ReceiptKind.REDUCTION, "A1", "L1", -50_00)));

        for (LedgerFact fact : EveryFact.inOrder()) {
            assertThat(fact.principalReceipts())
                    .as(fact.getClass().getSimpleName())
                    .isEqualTo(expected.getOrDefault(fact.getClass(), List.of()));
        }
    }

    @Test
    void costs_and_interest_of_a_payment_or_storno_are_no_receipt() {
        List<Allocation> mixed = List.of(
                new Allocation("A1", Component.COSTS, "K1", "P1", 8_00),
                new Allocation("A1", Component.INTEREST, "R1", "P1", 2_00),
                new Allocation("A1", Component.PRINCIPAL, "L1", "P1", 30_00),
                new Allocation("A1", Component.PRINCIPAL, "L2", "P1", 20_00));
        PaymentReceived paid =
                new PaymentReceived("S1", "P1", 60_00, BOOKED, null, "TRANSFER", null, false, 0, mixed, 0, BOOKED);
        PaymentReversed reversed =
                new PaymentReversed("S1", "P1", 60_00, BOOKED, "MD06", mixed, 0, List.of(), 0, BOOKED);

        assertThat(paid.principalReceipts())
                .extracting(PrincipalReceipt::lineId, PrincipalReceipt::amountCents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("L1", 30_00L),
                        org.assertj.core.groups.Tuple.tuple("L2", 20_00L));
        assertThat(reversed.principalReceipts())
                .extracting(PrincipalReceipt::amountCents)
                .containsExactly(-30_00L, -20_00L);
    }
}
