package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A participant (municipality, water board, waste authority) and its remittance policy. */
@Revision("1")
public record ParticipantRegistered(String participantId, String name, String iban, RemittanceSchedule schedule,
                                    java.math.BigDecimal reserveRate, int reserveYears,
                                    LocalDate bookingDate) implements LedgerFact {

    /** Takes effect on its booking date: a registration names no date of its own. */
    @Override
    public LocalDate effectiveDate() {
        return bookingDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.empty();
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
