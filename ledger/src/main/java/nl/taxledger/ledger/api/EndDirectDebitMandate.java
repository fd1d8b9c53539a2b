package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End a direct-debit mandate by hand on {@code date}: {@code reason} {@code REVOKED} (by the debtor) or
 * {@code ENDED_BY_COLLECTOR}, which needs an {@code explanation}.
 */
public record EndDirectDebitMandate(
        @TargetAggregateIdentifier String debtorId,
        String mandateId,
        String reason,
        LocalDate date,
        LocalDate bookingDate,
        String explanation) {

    /** An end without explanation (a revocation). */
    public EndDirectDebitMandate(
            String debtorId, String mandateId, String reason, LocalDate date, LocalDate bookingDate) {
        this(debtorId, mandateId, reason, date, bookingDate, null);
    }
}
