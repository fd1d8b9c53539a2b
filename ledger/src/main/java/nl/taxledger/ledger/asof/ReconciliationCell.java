package nl.taxledger.ledger.asof;

/** One cell of the reconciliation (domain.md §6), amounts in cents; uncollectible is net of reinstatements. */
public record ReconciliationCell(String participantId, String taxType, int taxYear, long imposedCents,
                                 long reductionsCents, long exemptionsCents, long annulmentsCents, long remissionsCents,
                                 long uncollectibleCents, long receivedCents, long outstandingCents) {

    public ReconciliationCell {
        long computed = imposedCents - reductionsCents - exemptionsCents - annulmentsCents - remissionsCents
                - uncollectibleCents - receivedCents;
        if (computed != outstandingCents) {
            // the identity of §6 must hold in every cell at every date; if not, the journal is wrong
            throw new IllegalStateException("reconciliation " + participantId + "/" + taxType + "/" + taxYear
                    + " does not balance: computed " + computed + ", receivable " + outstandingCents);
        }
    }
}
