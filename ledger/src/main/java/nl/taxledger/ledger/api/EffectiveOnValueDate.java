package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * Money that moved (a payment, storno, refund or suspense movement) takes effect on its value date. One answer of
 * {@link LedgerFact}, given once for every fact it holds for.
 */
public sealed interface EffectiveOnValueDate extends LedgerFact
        permits PaymentReceived,
                PaymentReversed,
                PaymentUnmatched,
                PayoutExecuted,
                RefundPaid,
                UnmatchedPaymentReversed {

    LocalDate valueDate();

    @Override
    default LocalDate effectiveDate() {
        return valueDate();
    }
}
