package nl.taxledger.ledger.account;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentReceived;

/** Small builders so that tests read as the rule they specify. */
final class Facts {
    static final LocalDate ISSUED = LocalDate.of(2026, 2, 27);
    static final LocalDate DUE = LocalDate.of(2026, 4, 30);

    private Facts() {
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static LineSpec line(String lineId, String participantId, String taxType, long amountCents) {
        return new LineSpec(lineId, participantId, taxType, 2026, amountCents);
    }

    static AssessmentImposed imposed(String debtorId, String assessmentId, LocalDate issued, LineSpec... lines) {
        return new AssessmentImposed(debtorId, assessmentId, issued, issued.plusMonths(2), assessmentId, List.of(lines), issued);
    }

    static Allocation principal(String assessmentId, String lineId, String paymentId, long cents) {
        return new Allocation(assessmentId, Component.PRINCIPAL, lineId, paymentId, cents);
    }

    static PaymentReceived paid(String debtorId, String paymentId, long amountCents, long creditCents, Allocation... allocations) {
        return new PaymentReceived(debtorId, paymentId, amountCents, ISSUED.plusDays(10), null, "TRANSFER", null, false, 0,
                List.of(allocations), creditCents, ISSUED.plusDays(10));
    }

}
