package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * A fact whose {@code date} is the day it happened (a charge, set-off, or an end of a deferral, mandate or
 * arrangement) takes effect on that day. One answer of {@link LedgerFact}, given once for every fact it holds for.
 */
public sealed interface EffectiveOnDate extends LedgerFact
        permits CostsCharged,
                CreditOffset,
                DeferralEnded,
                DirectDebitDebtFellDue,
                DirectDebitMandateEnded,
                InterestCharged,
                PaymentArrangementEnded {

    LocalDate date();

    @Override
    default LocalDate effectiveDate() {
        return date();
    }
}
