package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an interest item. */
public record CancelInterest(@TargetAggregateIdentifier String debtorId, String assessmentId, String interestId, LocalDate decisionDate, String reason, LocalDate bookingDate) {
}
