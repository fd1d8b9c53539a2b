package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Charge invorderingsrente on an assessment. */
public record ChargeInterest(@TargetAggregateIdentifier String debtorId, String assessmentId, String interestId, long amountCents, LocalDate date, LocalDate bookingDate) {
}
