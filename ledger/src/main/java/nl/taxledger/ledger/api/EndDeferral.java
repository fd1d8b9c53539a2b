package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a deferral. */
public record EndDeferral(@TargetAggregateIdentifier String debtorId, String deferralId, LocalDate date, String reason, LocalDate bookingDate) {
}
