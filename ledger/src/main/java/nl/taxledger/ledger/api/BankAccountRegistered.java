package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** One of the collector's own bank accounts (not a debtor's: no personal data). */
@Revision("1")
public record BankAccountRegistered(String iban, BankAccountPurpose purpose, String name, LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnBookingDate {
    // takes effect on its booking date: a registration names no date of its own; no money of its own either
}
