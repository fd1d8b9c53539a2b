package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a debtor's credit off against its open claims (art. 24 IW). */
public record OffsetCredit(@TargetAggregateIdentifier String debtorId, long amountCents, LocalDate date, String directedAssessmentId, String reference, LocalDate bookingDate) {
}
