package nl.taxledger.projections;

import java.time.LocalDate;
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
 * The events the aggregate would emit, with allocations worked out by hand from domain.md.
 * Booking date = effective date unless a test says otherwise.
 */
final class Events {

    private Events() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static LineSpec line(String lineId, String participantId, String taxType, long amountCents) {
        return new LineSpec(lineId, participantId, taxType, 2026, amountCents);
    }

    static AssessmentImposed imposed(String debtorId, String assessmentId, String issueDate, LineSpec... lines) {
        return new AssessmentImposed(debtorId, assessmentId, date(issueDate), date(issueDate).plusMonths(2),
                assessmentId, List.of(lines), date(issueDate));
    }

    static CostsCharged costs(String debtorId, String assessmentId, String costId, long amountCents, String date) {
        return new CostsCharged(debtorId, assessmentId, costId, "AANMANING", amountCents, date(date), date(date));
    }

    static InterestCharged interest(String debtorId, String assessmentId, String interestId, long amountCents,
                                    String date) {
        return new InterestCharged(debtorId, assessmentId, interestId, amountCents, date(date), date(date));
    }

    static Allocation principal(String assessmentId, String lineId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.PRINCIPAL, lineId, paymentId, amountCents);
    }

    static Allocation onCosts(String assessmentId, String costId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.COSTS, costId, paymentId, amountCents);
    }

    static Allocation onInterest(String assessmentId, String interestId, String paymentId, long amountCents) {
        return new Allocation(assessmentId, Component.INTEREST, interestId, paymentId, amountCents);
    }

    static PaymentReceived payment(String debtorId, String paymentId, long amountCents, String valueDate,
                                   long negativeCreditSettledCents, long creditCents, Allocation... allocations) {
        return payment(debtorId, paymentId, amountCents, valueDate, valueDate, negativeCreditSettledCents, creditCents,
                allocations);
    }

    static PaymentReceived payment(String debtorId, String paymentId, long amountCents, String valueDate,
                                   String bookingDate, long negativeCreditSettledCents, long creditCents,
                                   Allocation... allocations) {
        return new PaymentReceived(debtorId, paymentId, amountCents, date(valueDate), null, "TRANSFER", null, false,
                negativeCreditSettledCents, List.of(allocations), creditCents, date(bookingDate));
    }

    static AssessmentReduced reduced(String debtorId, String assessmentId, String lineId, ReductionKind kind,
                                     long amountCents, long openReducedCents, String date, Allocation... takenBack) {
        return new AssessmentReduced(debtorId, assessmentId, lineId, kind, amountCents, openReducedCents,
                List.of(takenBack), date(date), "bezwaar", date(date));
    }

    static PaymentReversed reversed(String debtorId, String paymentId, long amountCents, String date,
                                    List<Allocation> takenBack, long ownCreditTakenCents,
                                    List<PaymentAmount> otherCreditTaken, long negativeCreditAddedCents) {
        return new PaymentReversed(debtorId, paymentId, amountCents, date(date), "MD06", takenBack,
                ownCreditTakenCents, otherCreditTaken, negativeCreditAddedCents, date(date));
    }

    static RefundPaid refund(String debtorId, String refundId, long amountCents, String date,
                             PaymentAmount... creditSpent) {
        return new RefundPaid(debtorId, refundId, amountCents, List.of(creditSpent), date(date), "acct-1", date(date));
    }

    static RemissionGranted remission(String debtorId, String assessmentId, Component component, String date,
                                      ClaimAmount... items) {
        long amountCents = List.of(items).stream().mapToLong(ClaimAmount::amountCents).sum();
        return new RemissionGranted(debtorId, assessmentId, component, amountCents, List.of(items), date(date),
                "kwijtschelding", date(date));
    }

    static WrittenOffAsUncollectible writtenOff(String debtorId, String assessmentId, String lineId, long amountCents,
                                                String date) {
        return new WrittenOffAsUncollectible(debtorId, assessmentId, lineId, amountCents, date(date),
                "GEEN_VERHAALSMOGELIJKHEDEN", date(date));
    }
}
