package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant uitstel van betaling. */
public record GrantDeferral(@TargetAggregateIdentifier String debtorId, String deferralId, DeferralKind kind, String assessmentId, LocalDate from, LocalDate until, LocalDate bookingDate) {
}
