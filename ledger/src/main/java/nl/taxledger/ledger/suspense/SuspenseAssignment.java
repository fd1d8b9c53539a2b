package nl.taxledger.ledger.suspense;

import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.api.AssignUnmatchedPayment;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.PaymentReceived;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Assigns a payment in suspense to a debtor. It loads both aggregates in one unit of work, so
 * {@code UnmatchedPaymentAssigned} and the debtor's {@code PaymentReceived} are appended in the
 * same transaction: money is never in suspense and on an account at once.
 */
public final class SuspenseAssignment {
    private final Repository<UnmatchedPayment> suspense;
    private final Repository<DebtorAccount> accounts;

    public SuspenseAssignment(Repository<UnmatchedPayment> suspense, Repository<DebtorAccount> accounts) {
        this.suspense = suspense;
        this.accounts = accounts;
    }

    @CommandHandler
    public PaymentReceived handle(AssignUnmatchedPayment command) {
        UnmatchedPayment.Held held = load(suspense, command.paymentId(), ErrorCode.UNKNOWN_PAYMENT)
                .invoke(payment -> payment.assignTo(command.debtorId(), command.bookingDate()));
        return load(accounts, command.debtorId(), ErrorCode.UNKNOWN_DEBTOR)
                .invoke(account -> account.receive(
                        held.paymentId(),
                        held.amountCents(),
                        command.directedAssessmentId(),
                        held.valueDate(),
                        held.reference(),
                        held.channel(),
                        held.counterpartyRef(),
                        true,
                        command.bookingDate(),
                        null,
                        null)); // an assignment is a fact of its own, not a matching rule
    }

    private static <T> org.axonframework.modelling.command.Aggregate<T> load(
            Repository<T> repository, String id, ErrorCode unknown) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException notFound) {
            throw new LedgerRejection(unknown, "unknown " + id);
        }
    }
}
