package nl.taxledger.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a participant's remittance policy for the remittances whose period ends on or after {@code effectiveFrom}. */
public record ChangeRemittancePolicy(@TargetAggregateIdentifier String participantId, RemittanceSchedule schedule,
                                     BigDecimal reserveRate, int reserveYears, LocalDate effectiveFrom,
                                     LocalDate bookingDate) {
}
