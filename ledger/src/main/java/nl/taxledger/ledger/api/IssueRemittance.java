package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a participant's remittance (afdracht) for the period ending {@code periodEnd}. {@code receipts} is the
 * participant's cumulative receipts per tax type and tax year booked up to and including {@code periodEnd}, read
 * in the same transaction; the aggregate subtracts what earlier remittances already covered.
 */
public record IssueRemittance(@TargetAggregateIdentifier String participantId, LocalDate periodEnd,
                              List<ReceiptTotal> receipts, LocalDate bookingDate) {
}
