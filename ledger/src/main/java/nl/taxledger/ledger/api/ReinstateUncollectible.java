package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reverse (part of) a write-off. */
public record ReinstateUncollectible(@TargetAggregateIdentifier String debtorId, String assessmentId, String lineId, long amountCents, LocalDate decisionDate, String reason, LocalDate bookingDate) {
}
