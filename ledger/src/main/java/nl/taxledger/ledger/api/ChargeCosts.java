package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Charge a cost item on an assessment. */
public record ChargeCosts(@TargetAggregateIdentifier String debtorId, String assessmentId, String costId, String kind, long amountCents, LocalDate date, LocalDate bookingDate) {
}
