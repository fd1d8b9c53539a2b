package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Machtiging automatische incasso; {@code accountRef} points into the erasable register. {@code startsOn} is the
 * first collection moment strictly after the signature date (domain.md §10), decided when it was registered; null in
 * facts of revision 1, which had no such field (a reader takes the first moment after {@code signedDate}).
 */
@Revision("2")
public record DirectDebitMandateRegistered(
        String debtorId,
        String mandateId,
        String accountRef,
        LocalDate signedDate,
        LocalDate bookingDate,
        LocalDate startsOn)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {

    /** A mandate as revision 1 stored it, without its start. */
    public DirectDebitMandateRegistered(
            String debtorId, String mandateId, String accountRef, LocalDate signedDate, LocalDate bookingDate) {
        this(debtorId, mandateId, accountRef, signedDate, bookingDate, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return signedDate;
    }
}
