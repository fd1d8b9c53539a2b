package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Machtiging automatische incasso; {@code accountRef} points into the erasable register. */
@Revision("1")
public record DirectDebitMandateRegistered(String debtorId, String mandateId, String accountRef, LocalDate signedDate,
                                           LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return signedDate;
    }
}
