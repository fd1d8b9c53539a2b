package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a participant with its remittance policy. */
public record RegisterParticipant(@TargetAggregateIdentifier String participantId, String name, String iban, RemittanceSchedule schedule, java.math.BigDecimal reserveRate, int reserveYears, LocalDate bookingDate) {
}
