package nl.taxledger.ledger.suspense;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.HoldUnmatchedPayment;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.ReverseUnmatchedPayment;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A payment that matched no debtor, waiting in suspense (tussenrekening). */
public class UnmatchedPayment {
    @AggregateIdentifier
    private String paymentId;
    private long amountCents;
    private LocalDate valueDate;
    private String reference;
    private String channel;
    private String counterpartyRef;
    private boolean open;

    protected UnmatchedPayment() {
        // for Axon
    }

    @CommandHandler
    public UnmatchedPayment(HoldUnmatchedPayment command) {
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        check(command.channel() != null, ErrorCode.VALIDATION_FAILED, "channel is required");
        apply(new PaymentUnmatched(command.paymentId(), command.amountCents(), command.valueDate(), command.reference(),
                command.channel().name(), command.counterpartyRef(), command.bookingDate(), command.matchedBy()));
    }

    @CommandHandler
    public UnmatchedPaymentReversed handle(ReverseUnmatchedPayment command) {
        check(open, ErrorCode.PAYMENT_ALREADY_REVERSED, "payment " + paymentId + " is no longer in suspense");
        UnmatchedPaymentReversed event = new UnmatchedPaymentReversed(paymentId, amountCents, command.valueDate(),
                command.reasonCode(), command.bookingDate());
        apply(event);
        return event;
    }

    /** Takes the payment out of suspense for a debtor; the caller books it on the debtor's account. */
    Held assignTo(String debtorId, LocalDate bookingDate) {
        check(open, ErrorCode.INVALID_STATE, "payment " + paymentId + " is no longer in suspense");
        apply(new UnmatchedPaymentAssigned(paymentId, debtorId, amountCents, bookingDate));
        return new Held(paymentId, amountCents, valueDate, reference, channel, counterpartyRef);
    }

    /** What the debtor's account needs to book the payment. */
    record Held(String paymentId, long amountCents, LocalDate valueDate, String reference, String channel,
                String counterpartyRef) {
    }

    @EventSourcingHandler
    void on(PaymentUnmatched event) {
        paymentId = event.paymentId();
        amountCents = event.amountCents();
        valueDate = event.valueDate();
        reference = event.reference();
        channel = event.channel();
        counterpartyRef = event.counterpartyRef();
        open = true;
    }

    @EventSourcingHandler
    void on(UnmatchedPaymentAssigned event) {
        open = false;
    }

    @EventSourcingHandler
    void on(UnmatchedPaymentReversed event) {
        open = false;
    }
}
