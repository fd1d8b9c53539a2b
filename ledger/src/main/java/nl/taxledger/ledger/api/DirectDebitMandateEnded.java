package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A mandate ended on {@code date} (domain.md §10): revoked by the debtor, ended by the collector ({@code explanation}
 * says why), after three failed collection dates (dated the day the third failure was booked), or replaced by a
 * newer mandate. {@code reason} is a {@link MandateEndReason} name; facts of revision 1 may hold older texts, which
 * {@link #endReason()} reads, and have no explanation (null).
 */
@Revision("2")
public record DirectDebitMandateEnded(
        String debtorId, String mandateId, String reason, LocalDate date, LocalDate bookingDate, String explanation)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {

    /** An end without explanation. */
    public DirectDebitMandateEnded(
            String debtorId, String mandateId, String reason, LocalDate date, LocalDate bookingDate) {
        this(debtorId, mandateId, reason, date, bookingDate, null);
    }

    /** The reason as the closed set, old texts included. */
    public MandateEndReason endReason() {
        return MandateEndReason.read(reason);
    }
}
