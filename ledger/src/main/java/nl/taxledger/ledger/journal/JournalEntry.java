package nl.taxledger.ledger.journal;

import java.time.LocalDate;
import java.util.List;

/**
 * The balanced journal lines of one fact, with the fact's effective date (domain.md §2) and
 * booking date. A reference-date replay counts an entry when effectiveDate ≤ D and bookingDate ≤ K.
 */
public record JournalEntry(String factType, LocalDate effectiveDate, LocalDate bookingDate, List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
        long sumCents = 0;
        for (JournalLine line : lines) {
            sumCents = Math.addExact(sumCents, line.amountCents());
        }
        if (sumCents != 0) {
            // an unbalanced entry means an event's amounts do not add up: the ledger is wrong, stop
            throw new IllegalStateException(factType + " of " + bookingDate + " does not balance: " + sumCents + " cents");
        }
    }
}
