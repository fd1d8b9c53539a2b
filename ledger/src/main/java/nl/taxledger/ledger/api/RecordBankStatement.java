package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a day statement of one of the collector's accounts before its transactions are booked: the sequence check
 * of domain.md §9. {@code gapReason} non-null accepts an opening balance that does not follow the last closing
 * balance, and is recorded. {@code electronicSequence} may be null (not every bank numbers its statements).
 */
public record RecordBankStatement(@TargetAggregateIdentifier String iban, String statementId, LocalDate statementDate,
                                  Long electronicSequence, long openingCents, long closingCents, String gapReason,
                                  LocalDate bookingDate) {
}
