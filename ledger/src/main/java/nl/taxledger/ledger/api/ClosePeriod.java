package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close the books through a date: afterwards no booking date on or before {@code through} is accepted.
 * Addressed to the one {@code LedgerPeriods} aggregate ({@link #LEDGER}).
 */
public record ClosePeriod(@TargetAggregateIdentifier String ledgerId, LocalDate through, LocalDate bookingDate) {
    /** The id of the single aggregate that holds the closed-through date. */
    public static final String LEDGER = "ledger";
}
