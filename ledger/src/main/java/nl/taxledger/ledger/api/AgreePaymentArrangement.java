package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Agree a payment arrangement of at most 10 monthly terms. */
public record AgreePaymentArrangement(@TargetAggregateIdentifier String debtorId, String arrangementId, List<String> assessmentIds, List<ArrangementTerm> terms, LocalDate agreedDate, LocalDate bookingDate) {
}
