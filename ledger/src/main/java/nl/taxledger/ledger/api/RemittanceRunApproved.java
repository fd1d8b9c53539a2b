package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A supervisor other than the issuers approved the remittance run's content with fingerprint {@code contentSha256}
 * (domain.md §11): its credit-transfer file is released. {@code releaseNumber} counts the approvals of this run
 * (1, 2, …): a run that changed after an approval is approved again and released as a new file. Who approved is
 * the fact's principal ({@code who}).
 */
@Revision("1")
public record RemittanceRunApproved(String runId, LocalDate periodEnd, String contentSha256, int releaseNumber,
                                    LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
    // an approval step: no debtor, no money of its own; it takes effect on the day it is booked
}
