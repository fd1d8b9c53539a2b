package nl.taxledger.ledger.bank;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.taxledger.ledger.api.BankAccountRegistered;
import nl.taxledger.ledger.api.BankStatementRecorded;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.Iban;
import nl.taxledger.ledger.api.PayoutExecuted;
import nl.taxledger.ledger.api.RecordBankStatement;
import nl.taxledger.ledger.api.RecordPayoutExecuted;
import nl.taxledger.ledger.api.RegisterBankAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One of the collector's bank accounts (id = IBAN). It remembers its statements so that the next one must open
 * with the closing balance of the latest (by statement date, then electronic sequence number): domain.md §9.
 */
public class BankAccount {
    private static final Comparator<Latest> STATEMENT_ORDER = Comparator.comparing(Latest::statementDate)
            .thenComparing(
                    latest -> latest.electronicSequence() == null ? Long.MIN_VALUE : latest.electronicSequence());

    @AggregateIdentifier
    private String iban;
    /** Statement ids seen: a day statement per account per day, so some hundreds a year. */
    private final Set<String> statementIds = new HashSet<>();

    private Latest latest;
    /**
     * EndToEndId of each payout executed from this account → the statement transaction that executed it: a
     * remittance run a week per participant and the refunds, so some thousands a year.
     */
    private final Map<String, String> executedPayouts = new HashMap<>();

    private record Latest(String statementId, LocalDate statementDate, Long electronicSequence, long closingCents) {}

    protected BankAccount() {
        // for Axon
    }

    @CommandHandler
    public BankAccount(RegisterBankAccount command) {
        check(Iban.valid(command.iban()), ErrorCode.VALIDATION_FAILED, "not a valid IBAN: " + command.iban());
        check(command.purpose() != null, ErrorCode.VALIDATION_FAILED, "purpose is required");
        apply(new BankAccountRegistered(command.iban(), command.purpose(), command.name(), command.bookingDate()));
    }

    /**
     * Checks the statement against the last closing balance and records it. A statement recorded before is not
     * checked again and changes nothing (answer {@code null}): a re-import only books what is missing.
     */
    @CommandHandler
    public BankStatementRecorded handle(RecordBankStatement command) {
        check(
                command.statementId() != null && command.statementDate() != null,
                ErrorCode.VALIDATION_FAILED,
                "a statement needs an id and a date");
        if (statementIds.contains(command.statementId())) {
            return null;
        }
        Long previousClosingCents = latest == null ? null : latest.closingCents();
        boolean follows = latest == null || latest.closingCents() == command.openingCents();
        check(
                follows || command.gapReason() != null,
                ErrorCode.STATEMENT_SEQUENCE_BROKEN,
                "statement " + command.statementId() + " opens with " + Cents.text(command.openingCents())
                        + " but the last statement " + (latest == null ? "" : latest.statementId()) + " of " + iban
                        + " closed with " + Cents.text(previousClosingCents == null ? 0 : previousClosingCents));
        BankStatementRecorded event = new BankStatementRecorded(
                iban,
                command.statementId(),
                command.statementDate(),
                command.electronicSequence(),
                command.openingCents(),
                command.closingCents(),
                previousClosingCents,
                follows ? null : command.gapReason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    /**
     * A statement debit executed one of our payouts. The same transaction again (a re-import) changes nothing
     * (answer {@code null}); a second transaction with the EndToEndId of a payout executed already is refused: the
     * importer lists such a debit as unreconciled, so reaching this check means a wrong ledger.
     */
    @CommandHandler
    public PayoutExecuted handle(RecordPayoutExecuted command) {
        check(
                command.endToEndId() != null && command.paymentId() != null && command.kind() != null,
                ErrorCode.VALIDATION_FAILED,
                "a payout executed needs its EndToEndId, kind and transaction");
        check(
                command.amountCents() > 0,
                ErrorCode.VALIDATION_FAILED,
                "a payout executed debits a positive amount: " + command.amountCents());
        String executedBy = executedPayouts.get(command.endToEndId());
        if (command.paymentId().equals(executedBy)) {
            return null;
        }
        check(
                executedBy == null,
                ErrorCode.INVALID_STATE,
                "payout " + command.endToEndId() + " was executed by transaction " + executedBy
                        + " already, not again by " + command.paymentId());
        PayoutExecuted event = new PayoutExecuted(
                iban,
                command.endToEndId(),
                command.kind(),
                command.paymentId(),
                command.statementId(),
                command.amountCents(),
                command.valueDate(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(PayoutExecuted event) {
        executedPayouts.put(event.endToEndId(), event.paymentId());
    }

    @EventSourcingHandler
    void on(BankAccountRegistered event) {
        iban = event.iban();
    }

    @EventSourcingHandler
    void on(BankStatementRecorded event) {
        statementIds.add(event.statementId());
        Latest recorded = new Latest(
                event.statementId(), event.statementDate(), event.electronicSequence(), event.closingCents());
        if (latest == null || STATEMENT_ORDER.compare(recorded, latest) > 0) {
            latest = recorded;
        }
    }
}
