package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End an arrangement (completed or cancelled). */
public record EndPaymentArrangement(@TargetAggregateIdentifier String debtorId, String arrangementId, ArrangementOutcome outcome, LocalDate date, LocalDate bookingDate) {
}
