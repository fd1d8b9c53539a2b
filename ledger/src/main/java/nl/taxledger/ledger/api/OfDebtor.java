package nl.taxledger.ledger.api;

import java.util.Optional;

/**
 * The fact is about the debtor its {@code debtorId} names. One answer of {@link LedgerFact}, given once for every fact
 * it holds for.
 */
public sealed interface OfDebtor extends LedgerFact
        permits AssessmentImposed,
                AssessmentReduced,
                CostsCancelled,
                CostsCharged,
                CreditOffset,
                DeferralEnded,
                DeferralGranted,
                DirectDebitCollectionFailed,
                DirectDebitDebtFellDue,
                DirectDebitMandateEnded,
                DirectDebitMandateRegistered,
                InterestCancelled,
                InterestCharged,
                PaymentArrangementAgreed,
                PaymentArrangementEnded,
                PaymentArrangementTermMissed,
                PaymentReceived,
                PaymentReversed,
                RefundPaid,
                RemissionGranted,
                UncollectibleReinstated,
                UnmatchedPaymentAssigned,
                WrittenOffAsUncollectible {

    String debtorId();

    @Override
    default Optional<String> debtor() {
        return Optional.of(debtorId());
    }
}
