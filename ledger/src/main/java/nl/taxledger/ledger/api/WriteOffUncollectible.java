package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Declare open principal of a line uncollectible. */
public record WriteOffUncollectible(@TargetAggregateIdentifier String debtorId, String assessmentId, String lineId, long amountCents, LocalDate decisionDate, String reasonCode, LocalDate bookingDate) {
}
