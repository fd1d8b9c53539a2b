package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A participant's remittance for a period, with frozen figures (domain.md §5): never restated. {@code lines} hold
 * every tax type and tax year with receipts or a reserve movement; the totals are their sums, and
 * {@code amountCents = receipts − withheld + released − carriedForwardIn}, or 0 with the shortfall in
 * {@code carriedForwardOutCents}. {@code periodStart} is the day after the previous remittance's period end (for the
 * first, the first day of the scheduled period); receipts booked earlier and not yet covered are included too.
 */
@Revision("1")
public record RemittanceIssued(String participantId, LocalDate periodStart, LocalDate periodEnd,
                               List<RemittanceLine> lines, long receiptsCents, long reserveWithheldCents,
                               long reserveReleasedCents, long carriedForwardInCents, long amountCents,
                               long carriedForwardOutCents, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return periodEnd;
    }
}
