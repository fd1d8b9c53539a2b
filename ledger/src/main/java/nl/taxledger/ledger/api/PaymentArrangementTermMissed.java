package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A term of an arrangement was not paid; {@code missedCount} counts the misses so far. */
@Revision("1")
public record PaymentArrangementTermMissed(String debtorId, String arrangementId, LocalDate termDueDate,
                                           int missedCount, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return termDueDate;
    }
}
