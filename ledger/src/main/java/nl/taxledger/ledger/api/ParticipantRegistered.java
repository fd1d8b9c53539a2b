package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A participant (municipality, water board, waste authority) and its remittance policy. Takes effect on its booking
 * date: a registration names no date of its own.
 */
@Revision("1")
public record ParticipantRegistered(String participantId, String name, String iban, RemittanceSchedule schedule,
                                    java.math.BigDecimal reserveRate, int reserveYears,
                                    LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
}
