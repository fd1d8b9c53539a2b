package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant kwijtschelding of open principal of a line, or of open costs or interest of an assessment. */
public record GrantRemission(@TargetAggregateIdentifier String debtorId, String assessmentId, String lineId, Component component, long amountCents, LocalDate decisionDate, String reason, LocalDate bookingDate) {
}
