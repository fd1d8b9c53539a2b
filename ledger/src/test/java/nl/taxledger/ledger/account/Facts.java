package nl.taxledger.ledger.account;

import java.time.LocalDate;

/** The dates the account tests share; the events themselves come from {@code ledger.testing.LedgerEvents}. */
final class Facts {
    static final LocalDate ISSUED = LocalDate.of(2026, 2, 27);
    static final LocalDate DUE = LocalDate.of(2026, 4, 30);

    private Facts() {}

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
