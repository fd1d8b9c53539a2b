package nl.taxledger.ledger.bank;

import java.time.LocalDate;

/**
 * One transaction of a statement with its identity (domain.md §9). {@code key} makes a booking idempotent: account
 * IBAN + the entry's AcctSvcrRef + the transaction's 1-based index in the entry, or without AcctSvcrRef the
 * statement id + the entry's 1-based position + index. {@code paymentId} is the same without the IBAN.
 */
public record StatementLine(String key, String paymentId, String statementId, int entryPosition, int index,
                            long amountCents, Statement.Entry entry, Statement.Transaction transaction) {
    public boolean credit() {
        return entry.credit();
    }

    public boolean booked() {
        return entry.booked();
    }

    /** ValDt, else BookgDt. */
    public LocalDate valueDate() {
        return entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
    }
}
