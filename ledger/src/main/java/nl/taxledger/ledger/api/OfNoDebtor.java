package nl.taxledger.ledger.api;

import java.util.Optional;

/**
 * The fact is about no debtor: a participant's, a suspense or a ledger fact. One answer of {@link LedgerFact}, given
 * once for every fact it holds for.
 */
public sealed interface OfNoDebtor extends LedgerFact
        permits BankAccountRegistered,
                BankStatementRecorded,
                DirectDebitRunIssued,
                PayoutExecuted,
                ParticipantIbanChangeRequested,
                ParticipantIbanChanged,
                RefundsReleased,
                RemittanceRunApproved,
                ParticipantRegistered,
                PaymentUnmatched,
                PeriodClosed,
                RemittanceIssued,
                RemittancePolicyChanged,
                UnmatchedPaymentReversed {

    @Override
    default Optional<String> debtor() {
        return Optional.empty();
    }
}
