package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a cost item. */
public record CancelCosts(@TargetAggregateIdentifier String debtorId, String assessmentId, String costId, LocalDate decisionDate, String reason, LocalDate bookingDate) {
}
