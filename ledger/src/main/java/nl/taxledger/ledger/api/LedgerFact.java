package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every fact the ledger stores, and the questions every reader asks of a fact, answered once by the fact itself.
 * The interface is sealed and each answer is an abstract method, so a new fact does not compile until it answers
 * all of them: no reader keeps its own table of fact types (docs/design.md, "Facts classify themselves").
 * <p>
 * An answer that many facts share is written once, as a default in a sealed sub-interface that reads a record
 * component: {@link OfDebtor} or {@link OfNoDebtor}; {@link NoPrincipalReceipts}; {@link EffectiveOnValueDate},
 * {@link EffectiveOnDecisionDate}, {@link EffectiveOnDate} or {@link EffectiveOnBookingDate}. A fact lists itself
 * here and in the permits of each sub-interface it implements, and writes by hand only the answers that are its
 * own (an assessment's issue date, a payment's receipts). Only the records listed here are facts.
 * <p>
 * The methods are named without {@code get}/{@code is}, so the event serializer does not store them as
 * properties: the stored JSON of a fact is its record components and nothing else.
 */
public sealed interface LedgerFact
        permits AssessmentImposed,
                AssessmentReduced,
                BankAccountRegistered,
                BankStatementRecorded,
                CostsCancelled,
                CostsCharged,
                CreditOffset,
                DeferralEnded,
                DeferralGranted,
                DirectDebitCollectionFailed,
                DirectDebitMandateEnded,
                DirectDebitMandateRegistered,
                DirectDebitRunIssued,
                DirectDebitDebtFellDue,
                InterestCancelled,
                InterestCharged,
                ParticipantIbanChangeRequested,
                ParticipantIbanChanged,
                ParticipantRegistered,
                PaymentArrangementAgreed,
                PaymentArrangementEnded,
                PaymentArrangementTermMissed,
                PaymentReceived,
                PayoutExecuted,
                PaymentReversed,
                PaymentUnmatched,
                PeriodClosed,
                RefundPaid,
                RefundsReleased,
                RemissionGranted,
                RemittanceIssued,
                RemittancePolicyChanged,
                RemittanceRunApproved,
                UncollectibleReinstated,
                UnmatchedPaymentAssigned,
                UnmatchedPaymentReversed,
                WrittenOffAsUncollectible,
                // the answers several facts share, each given once (a fact above also implements the ones that hold for
                // it)
                OfDebtor,
                OfNoDebtor,
                NoPrincipalReceipts,
                EffectiveOnValueDate,
                EffectiveOnDecisionDate,
                EffectiveOnDate,
                EffectiveOnBookingDate {

    /** The administrative day the fact was processed (domain.md §2); remittance periods are cut by it. */
    LocalDate bookingDate();

    /**
     * The day the fact takes effect (domain.md §2), which a reference-date replay compares with its date D.
     * Financial facts: the issue date of an assessment; the decision date of a reduction, cancellation,
     * remission, write-off or reinstatement; the value date of a payment, storno, refund or suspense movement;
     * the date of a charge or set-off; the period end of a remittance. Facts without money take effect on the
     * date they name for it (a deferral's start, an arrangement's agreement or end, a missed term's due date, a
     * mandate's signing or end, a failed collection's date, a policy's first period, a bank statement's date). A
     * fact that names no such date (a participant or one of the collector's bank accounts registered, a suspense
     * payment assigned, a period closed) takes effect on its booking date: it is an administrative act whose only
     * date is the day it was done. Never null.
     */
    LocalDate effectiveDate();

    /** The debtor the fact is about (an opaque subject number); empty for participant, suspense and ledger facts. */
    Optional<String> debtor();

    /**
     * The principal receipts of domain.md §5 this fact makes: principal allocated to a line (payment, set-off) is
     * positive, principal taken back off a line (storno, reduction of a paid line) negative. Empty for every
     * other fact: costs and interest are the collector's income, not a participant's receipt.
     */
    List<PrincipalReceipt> principalReceipts();
}
