package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A statement of one of the collector's accounts, checked in sequence. {@code previousClosingCents} is the closing
 * balance it had to follow (null for the account's first statement); {@code gapReason} is set only when a gap was
 * accepted explicitly. Balances in cents, credit positive.
 */
@Revision("1")
public record BankStatementRecorded(String iban, String statementId, LocalDate statementDate, Long electronicSequence,
                                    long openingCents, long closingCents, Long previousClosingCents, String gapReason,
                                    LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts {

    /** A statement takes effect on the date the bank drew it up. */
    @Override
    public LocalDate effectiveDate() {
        return statementDate;
    }

    // no money of its own: its credit transactions are booked as payment facts of their own (NoPrincipalReceipts)
}
