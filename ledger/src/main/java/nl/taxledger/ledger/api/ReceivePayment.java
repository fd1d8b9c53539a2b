package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Book money in for a known debtor; {@code directedAssessmentId} is set when the reference is an assessment's payment reference. */
/* {@code collection}: the run's collection a rule-1 payment settled (domain.md §10); null for any other payment. */
public record ReceivePayment(
        @TargetAggregateIdentifier String debtorId,
        String paymentId,
        long amountCents,
        LocalDate valueDate,
        String directedAssessmentId,
        String reference,
        PaymentChannel channel,
        String counterpartyRef,
        LocalDate bookingDate,
        MatchedBy matchedBy,
        CollectionRef collection) {
    /** A payment that no bank-statement rule decided (typed in, or from the NDJSON import). */
    public ReceivePayment(
            String debtorId,
            String paymentId,
            long amountCents,
            LocalDate valueDate,
            String directedAssessmentId,
            String reference,
            PaymentChannel channel,
            String counterpartyRef,
            LocalDate bookingDate) {
        this(
                debtorId,
                paymentId,
                amountCents,
                valueDate,
                directedAssessmentId,
                reference,
                channel,
                counterpartyRef,
                bookingDate,
                null,
                null);
    }
}
