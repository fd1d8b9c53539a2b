package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor approves the credit-transfer file of the remittance run with this period end (domain.md §11, four
 * eyes). The content fingerprint and the issuers of the run's remittances are read while routing, in the command's
 * transaction, and travel in the command: the aggregate decides with exactly them.
 *
 * @param contentSha256 fingerprint of the remittances the run pays (participant, amount, remittance fact)
 * @param issuers       who issued the run's remittances ({@code system:scheduler} for the scheduler); the approver,
 *                      the principal sending this command ({@code who}), is never one of them
 */
public record ApproveRemittanceRun(@TargetAggregateIdentifier String runId, LocalDate periodEnd, String contentSha256,
                                   Set<String> issuers, LocalDate bookingDate) {
    public ApproveRemittanceRun {
        issuers = Set.copyOf(issuers);
    }

    /** The id of the run's approval aggregate: one per period end. */
    public static String runId(LocalDate periodEnd) {
        return "RUN-" + periodEnd;
    }
}
