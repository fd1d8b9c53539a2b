package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a failed collection under a mandate. */
public record RecordDirectDebitFailure(@TargetAggregateIdentifier String debtorId, String mandateId, LocalDate collectionDate, String reasonCode, LocalDate bookingDate) {
}
