package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** One of the collector's own bank accounts (not a debtor's: no personal data). */
@Revision("1")
public record BankAccountRegistered(String iban, BankAccountPurpose purpose, String name, LocalDate bookingDate) {
}
