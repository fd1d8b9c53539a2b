package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a term of an arrangement was not paid. */
public record RecordArrangementTermMissed(@TargetAggregateIdentifier String debtorId, String arrangementId, LocalDate termDueDate, LocalDate bookingDate) {
}
