package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book money in for a known debtor; {@code directedAssessmentId} is set when the reference is an assessment's payment reference. */
public record ReceivePayment(@TargetAggregateIdentifier String debtorId, String paymentId, long amountCents, LocalDate valueDate, String directedAssessmentId, String reference, PaymentChannel channel, String counterpartyRef, LocalDate bookingDate, MatchedBy matchedBy) {
    /** A payment that no bank-statement rule decided (typed in, or from the NDJSON import). */
    public ReceivePayment(String debtorId, String paymentId, long amountCents, LocalDate valueDate,
                          String directedAssessmentId, String reference, PaymentChannel channel, String counterpartyRef,
                          LocalDate bookingDate) {
        this(debtorId, paymentId, amountCents, valueDate, directedAssessmentId, reference, channel, counterpartyRef,
                bookingDate, null);
    }
}
