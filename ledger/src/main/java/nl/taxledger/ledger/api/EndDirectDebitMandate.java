package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a direct-debit mandate on request. */
public record EndDirectDebitMandate(@TargetAggregateIdentifier String debtorId, String mandateId, String reason, LocalDate date, LocalDate bookingDate) {
}
