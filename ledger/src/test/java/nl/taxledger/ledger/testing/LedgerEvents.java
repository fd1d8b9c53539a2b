package nl.taxledger.ledger.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;

/**
 * The events the aggregate would emit, built by name for tests of the ledger, the projections and the tools (this
 * module's test-jar). What a test does not name takes a plain default: booking date = effective date, tax year
 * 2026, no credit, nothing taken back. Allocations are worked out by hand from domain.md in the test itself.
 */
public final class LedgerEvents {
    private LedgerEvents() {}

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** An assessment line of tax year 2026. */
    public static LineSpec line(String lineId, String participantId, String taxType, long amountCents) {
        return new LineSpec(lineId, participantId, taxType, 2026, amountCents);
    }

    /** Imposed on the issue date, due two months later, paid by its own id as reference. */
    public static AssessmentImposed imposed(String debtorId, String assessmentId, LocalDate issued, LineSpec... lines) {
        return new AssessmentImposed(
                debtorId, assessmentId, issued, issued.plusMonths(2), assessmentId, List.of(lines), issued);
    }

    public static AssessmentImposed imposed(String debtorId, String assessmentId, String issued, LineSpec... lines) {
        return imposed(debtorId, assessmentId, date(issued), lines);
    }

    public static CostsCharged costs(String debtorId, String assessmentId, String costId, long amountCents, String on) {
        return new CostsCharged(debtorId, assessmentId, costId, "AANMANING", amountCents, date(on), date(on));
    }

    public static InterestCharged interest(
            String debtorId, String assessmentId, String interestId, long amountCents, String on) {
        return new InterestCharged(debtorId, assessmentId, interestId, amountCents, date(on), date(on));
    }

    public static Allocation principal(String assessmentId, String lineId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.PRINCIPAL, lineId, paymentId, amountCents);
    }

    public static Allocation onCosts(String assessmentId, String costId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.COSTS, costId, paymentId, amountCents);
    }

    public static Allocation onInterest(String assessmentId, String interestId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.INTEREST, interestId, paymentId, amountCents);
    }

    /** {@code payment("P1").by("S1").ofCents(100_00).valued("2026-03-10").allocating(...).received()} */
    public static Payment payment(String paymentId) {
        return new Payment(paymentId);
    }

    /** {@code reversal("P1").by("S1").ofCents(100_00).on("2026-04-02").takingBack(...).reversed()} */
    public static Reversal reversal(String paymentId) {
        return new Reversal(paymentId);
    }

    /** {@code reduction("A1", "L1").by("S1").kind(VERMINDERING).ofCents(50_00).decided("2026-04-01").reduced()} */
    public static Reduction reduction(String assessmentId, String lineId) {
        return new Reduction(assessmentId, lineId);
    }

    public static RefundPaid refund(
            String debtorId, String refundId, long amountCents, String on, PaymentAmount... creditSpent) {
        return new RefundPaid(debtorId, refundId, amountCents, List.of(creditSpent), date(on), "acct-1", date(on));
    }

    public static RemissionGranted remission(
            String debtorId, String assessmentId, Component component, String on, ClaimAmount... items) {
        long amountCents = List.of(items).stream().mapToLong(ClaimAmount::amountCents).sum();
        return new RemissionGranted(debtorId, assessmentId, component, amountCents, List.of(items), date(on),
                "kwijtschelding", date(on));
    }

    public static WrittenOffAsUncollectible writtenOff(
            String debtorId, String assessmentId, String lineId, long amountCents, String on) {
        return new WrittenOffAsUncollectible(
                debtorId, assessmentId, lineId, amountCents, date(on), "GEEN_VERHAALSMOGELIJKHEDEN", date(on));
    }

    /** A {@link PaymentReceived} by a bank transfer; the debtor, amount and value date must be named. */
    public static final class Payment {
        private final String paymentId;
        private String debtorId;
        private long amountCents;
        private LocalDate valueDate;
        private LocalDate bookingDate;
        private long negativeCreditSettledCents;
        private long creditCents;
        private final List<Allocation> allocations = new ArrayList<>();

        private Payment(String paymentId) {
            this.paymentId = paymentId;
        }

        public Payment by(String debtorId) {
            this.debtorId = debtorId;
            return this;
        }

        public Payment ofCents(long amountCents) {
            this.amountCents = amountCents;
            return this;
        }

        public Payment valued(String valueDate) {
            return valued(date(valueDate));
        }

        public Payment valued(LocalDate valueDate) {
            this.valueDate = valueDate;
            return this;
        }

        /** Booked later than its value date; without it the booking date is the value date. */
        public Payment booked(String bookingDate) {
            this.bookingDate = date(bookingDate);
            return this;
        }

        public Payment settlingNegativeCreditCents(long cents) {
            this.negativeCreditSettledCents = cents;
            return this;
        }

        public Payment allocating(Allocation... allocations) {
            this.allocations.addAll(List.of(allocations));
            return this;
        }

        /** What is left after the allocations, kept as the debtor's credit. */
        public Payment leavingCreditCents(long cents) {
            this.creditCents = cents;
            return this;
        }

        public PaymentReceived received() {
            return new PaymentReceived(required(debtorId, "by"), paymentId, amountCents, required(valueDate, "valued"),
                    null, "TRANSFER", null, false, negativeCreditSettledCents, List.copyOf(allocations), creditCents,
                    bookingDate == null ? valueDate : bookingDate);
        }
    }

    /** A {@link PaymentReversed} (storno, reason MD06); the debtor, amount and date must be named. */
    public static final class Reversal {
        private final String paymentId;
        private String debtorId;
        private long amountCents;
        private LocalDate on;
        private final List<Allocation> takenBack = new ArrayList<>();
        private long ownCreditTakenCents;
        private final List<PaymentAmount> otherCreditTaken = new ArrayList<>();
        private long negativeCreditAddedCents;

        private Reversal(String paymentId) {
            this.paymentId = paymentId;
        }

        public Reversal by(String debtorId) {
            this.debtorId = debtorId;
            return this;
        }

        public Reversal ofCents(long amountCents) {
            this.amountCents = amountCents;
            return this;
        }

        public Reversal on(String date) {
            this.on = date(date);
            return this;
        }

        public Reversal takingBack(Allocation... allocations) {
            takenBack.addAll(List.of(allocations));
            return this;
        }

        public Reversal takingOwnCreditCents(long cents) {
            this.ownCreditTakenCents = cents;
            return this;
        }

        public Reversal takingOtherCredit(PaymentAmount... credit) {
            otherCreditTaken.addAll(List.of(credit));
            return this;
        }

        public Reversal addingNegativeCreditCents(long cents) {
            this.negativeCreditAddedCents = cents;
            return this;
        }

        public PaymentReversed reversed() {
            return new PaymentReversed(required(debtorId, "by"), paymentId, amountCents, required(on, "on"), "MD06",
                    List.copyOf(takenBack), ownCreditTakenCents, List.copyOf(otherCreditTaken),
                    negativeCreditAddedCents, on);
        }
    }

    /** An {@link AssessmentReduced} on appeal ("bezwaar"); the debtor, kind, amount and date must be named. */
    public static final class Reduction {
        private final String assessmentId;
        private final String lineId;
        private String debtorId;
        private ReductionKind kind;
        private long amountCents;
        private long openReducedCents;
        private LocalDate decided;
        private final List<Allocation> takenBack = new ArrayList<>();

        private Reduction(String assessmentId, String lineId) {
            this.assessmentId = assessmentId;
            this.lineId = lineId;
        }

        public Reduction by(String debtorId) {
            this.debtorId = debtorId;
            return this;
        }

        public Reduction kind(ReductionKind kind) {
            this.kind = kind;
            return this;
        }

        public Reduction ofCents(long amountCents) {
            this.amountCents = amountCents;
            return this;
        }

        /** The part of the reduction that lowered the open amount (the rest is taken back from payments). */
        public Reduction reducingOpenCents(long cents) {
            this.openReducedCents = cents;
            return this;
        }

        public Reduction decided(String date) {
            this.decided = date(date);
            return this;
        }

        public Reduction takingBack(Allocation... allocations) {
            takenBack.addAll(List.of(allocations));
            return this;
        }

        public AssessmentReduced reduced() {
            return new AssessmentReduced(required(debtorId, "by"), assessmentId, lineId, required(kind, "kind"),
                    amountCents, openReducedCents, List.copyOf(takenBack), required(decided, "decided"), "bezwaar",
                    decided);
        }
    }

    private static <T> T required(T value, String step) {
        if (value == null) {
            throw new IllegalStateException("name the event's " + step + "(...) before building it");
        }
        return value;
    }
}
