package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A participant (municipality, water board, waste authority) and its remittance policy. */
@Revision("1")
public record ParticipantRegistered(String participantId, String name, String iban, RemittanceSchedule schedule, java.math.BigDecimal reserveRate, int reserveYears, LocalDate bookingDate) {
}
