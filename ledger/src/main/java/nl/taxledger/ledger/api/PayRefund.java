package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pay a debtor's credit out. */
public record PayRefund(@TargetAggregateIdentifier String debtorId, String refundId, long amountCents, LocalDate valueDate, String accountRef, LocalDate bookingDate) {
}
