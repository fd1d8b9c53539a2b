package nl.taxledger.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One debtor's history that holds one fact of every type, in an order a ledger could store them, with amounts that
 * balance in the journal. Every date differs, so a rule that reads the wrong date is seen.
 */
public final class EveryFact {
    /** Every fact below is booked on this day, after all of their own dates. */
    public static final LocalDate BOOKED = LocalDate.parse("2026-06-05");

    private EveryFact() {}

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Allocation principal(String lineId, String paymentId, long cents) {
        return new Allocation("A1", Component.PRINCIPAL, lineId, paymentId, cents);
    }

    /** Lines L1 (GEM-A, OZB 2026, 300.00) and L2 (GEM-B, RIOOLHEFFING 2025, 100.00) of assessment A1 of debtor S1. */
    public static List<LedgerFact> inOrder() {
        return List.of(
                new ParticipantRegistered(
                        "GEM-A",
                        "Gemeente A",
                        "NL91ABNA0417164300",
                        RemittanceSchedule.WEEKLY,
                        new BigDecimal("0.005"),
                        4,
                        BOOKED),
                new RemittancePolicyChanged(
                        "GEM-A", RemittanceSchedule.QUARTERLY, new BigDecimal("0.005"), 4, day("2026-07-01"), BOOKED),
                new AssessmentImposed(
                        "S1",
                        "A1",
                        day("2026-02-27"),
                        day("2026-04-30"),
                        "A1",
                        List.of(
                                new LineSpec("L1", "GEM-A", "OZB", 2026, 300_00),
                                new LineSpec("L2", "GEM-B", "RIOOLHEFFING", 2025, 100_00)),
                        BOOKED),
                new CostsCharged("S1", "A1", "K1", "AANMANING", 8_00, day("2026-05-10"), BOOKED),
                new InterestCharged("S1", "A1", "R1", 2_00, day("2026-05-11"), BOOKED),
                new PaymentReceived(
                        "S1",
                        "P1",
                        110_00,
                        day("2026-05-12"),
                        "A1",
                        "TRANSFER",
                        null,
                        false,
                        0,
                        List.of(
                                new Allocation("A1", Component.COSTS, "K1", "P1", 8_00),
                                new Allocation("A1", Component.INTEREST, "R1", "P1", 2_00),
                                principal("L1", "P1", 100_00)),
                        0,
                        BOOKED),
                new AssessmentReduced(
                        "S1",
                        "A1",
                        "L1",
                        ReductionKind.VERMINDERING,
                        250_00,
                        200_00,
                        List.of(principal("L1", "P1", 50_00)),
                        day("2026-05-13"),
                        "bezwaar",
                        BOOKED),
                new CostsCancelled(
                        "S1",
                        "A1",
                        "K1",
                        0,
                        List.of(new Allocation("A1", Component.COSTS, "K1", "P1", 8_00)),
                        day("2026-05-14"),
                        "ten onrechte",
                        BOOKED),
                new InterestCancelled(
                        "S1",
                        "A1",
                        "R1",
                        0,
                        List.of(new Allocation("A1", Component.INTEREST, "R1", "P1", 2_00)),
                        day("2026-05-15"),
                        "ten onrechte",
                        BOOKED),
                new CreditOffset(
                        "S1",
                        10_00,
                        List.of(new PaymentAmount("P1", 10_00)),
                        List.of(principal("L2", "P1", 10_00)),
                        day("2026-05-16"),
                        "verrekening",
                        BOOKED),
                new RefundPaid(
                        "S1",
                        "F1",
                        20_00,
                        List.of(new PaymentAmount("P1", 20_00)),
                        day("2026-05-17"),
                        "account-ref-1",
                        BOOKED),
                new PaymentReversed(
                        "S1",
                        "P1",
                        110_00,
                        day("2026-05-18"),
                        "MD06",
                        List.of(principal("L1", "P1", 50_00)),
                        30_00,
                        List.of(),
                        30_00,
                        BOOKED),
                new RemissionGranted(
                        "S1",
                        "A1",
                        Component.PRINCIPAL,
                        20_00,
                        List.of(new ClaimAmount(Component.PRINCIPAL, "L2", 20_00)),
                        day("2026-05-19"),
                        "kwijtschelding",
                        BOOKED),
                new WrittenOffAsUncollectible("S1", "A1", "L2", 30_00, day("2026-05-20"), "OI-01", BOOKED),
                new UncollectibleReinstated("S1", "A1", "L2", 30_00, day("2026-05-21"), "vermogen gevonden", BOOKED),
                new DeferralGranted(
                        "S1", "D1", DeferralKind.OBJECTION, "A1", day("2026-05-22"), day("2026-08-22"), BOOKED),
                new DeferralEnded("S1", "D1", day("2026-05-23"), "uitspraak", BOOKED),
                new PaymentArrangementAgreed(
                        "S1",
                        "B1",
                        List.of("A1"),
                        List.of(new ArrangementTerm(day("2026-06-30"), 100_00)),
                        day("2026-05-24"),
                        BOOKED),
                new PaymentArrangementTermMissed("S1", "B1", day("2026-05-25"), 1, BOOKED),
                new PaymentArrangementEnded("S1", "B1", ArrangementOutcome.CANCELLED, day("2026-05-26"), BOOKED),
                new DirectDebitMandateRegistered(
                        "S1", "M1", "account-ref-2", day("2026-05-27"), BOOKED, day("2026-05-29")),
                new DirectDebitCollectionFailed("S1", "M1", day("2026-05-28"), "AM04", 1, BOOKED),
                new DirectDebitMandateEnded(
                        "S1", "M1", "ENDED_BY_COLLECTOR", day("2026-05-29"), BOOKED, "adres onbekend"),
                new DirectDebitDebtFellDue(
                        "S1", "M1", List.of(new DueAssessment("A1", 70_00)), day("2026-05-30"), BOOKED),
                new BankAccountRegistered("NL02ABNA0123456789", BankAccountPurpose.RECEIPTS, "ontvangsten", BOOKED),
                new BankStatementRecorded(
                        "NL02ABNA0123456789", "STMT-1", day("2026-05-01"), 1L, 0, 40_00, null, null, BOOKED),
                new PaymentUnmatched(
                        "P9", 40_00, day("2026-05-02"), "onbekend", "TRANSFER", null, BOOKED, MatchedBy.SUSPENSE),
                new UnmatchedPaymentAssigned("P9", "S1", 40_00, BOOKED),
                new UnmatchedPaymentReversed("P8", 5_00, day("2026-05-03"), "MD06", BOOKED),
                new RemittanceIssued(
                        "GEM-A", day("2026-05-25"), day("2026-05-31"), List.of(), 100_00, 50, 0, 0, 99_50, 0, BOOKED),
                new DirectDebitRunIssued(
                        "DD20260529",
                        day("2026-05-29"),
                        List.of(new DirectDebitCollection(
                                "DD20260529-1", "S1", "M1", "A1", 25_00, SequenceType.FRST, 1, 10)),
                        25_00,
                        BOOKED),
                new RemittanceRunApproved("RUN-2026-05-31", day("2026-05-31"), "ab".repeat(32), 1, BOOKED),
                new PayoutExecuted(
                        "NL02ABNA0123456789",
                        "AFDR-GEM-A-2026-05-31",
                        PayoutKind.REMITTANCE,
                        "2026060100042:1",
                        "STMT-2",
                        99_50,
                        day("2026-06-02"),
                        BOOKED),
                new RefundsReleased("RB-1", List.of("F1"), 20_00, BOOKED),
                new ParticipantIbanChangeRequested("GEM-A", "NL02ABNA0123456789", BOOKED),
                new ParticipantIbanChanged("GEM-A", "NL02ABNA0123456789", BOOKED),
                new PeriodClosed("LEDGER", day("2026-05-30"), BOOKED));
    }
}
