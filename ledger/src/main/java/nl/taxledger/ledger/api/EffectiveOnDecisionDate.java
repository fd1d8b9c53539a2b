package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * A decision (reduction, cancellation, remission, write-off, reinstatement) takes effect on the day it was decided.
 * One answer of {@link LedgerFact}, given once for every fact it holds for.
 */
public sealed interface EffectiveOnDecisionDate extends LedgerFact permits AssessmentReduced, CostsCancelled,
        InterestCancelled, RemissionGranted, UncollectibleReinstated, WrittenOffAsUncollectible {

    LocalDate decisionDate();

    @Override
    default LocalDate effectiveDate() {
        return decisionDate();
    }
}
