package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a direct-debit mandate. */
public record RegisterDirectDebitMandate(@TargetAggregateIdentifier String debtorId, String mandateId, String accountRef, LocalDate signedDate, LocalDate bookingDate) {
}
