package nl.taxledger.ledger.api;

import java.util.List;

/**
 * The fact moves no principal to or from a line, so it makes no receipt of domain.md §5. One answer of {@link
 * LedgerFact}, given once for every fact it holds for.
 */
public sealed interface NoPrincipalReceipts extends LedgerFact
        permits AssessmentImposed,
                BankAccountRegistered,
                PayoutExecuted,
                ParticipantIbanChangeRequested,
                ParticipantIbanChanged,
                RefundsReleased,
                RemittanceRunApproved,
                BankStatementRecorded,
                CostsCancelled,
                CostsCharged,
                DeferralEnded,
                DeferralGranted,
                DirectDebitCollectionFailed,
                DirectDebitMandateEnded,
                DirectDebitRunIssued,
                DirectDebitDebtFellDue,
                DirectDebitMandateRegistered,
                InterestCancelled,
                InterestCharged,
                ParticipantRegistered,
                PaymentArrangementAgreed,
                PaymentArrangementEnded,
                PaymentArrangementTermMissed,
                PaymentUnmatched,
                PeriodClosed,
                RefundPaid,
                RemissionGranted,
                RemittanceIssued,
                RemittancePolicyChanged,
                UncollectibleReinstated,
                UnmatchedPaymentAssigned,
                UnmatchedPaymentReversed,
                WrittenOffAsUncollectible {

    @Override
    default List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
