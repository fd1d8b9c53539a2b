package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An arrangement ended: COMPLETED, DEFAULTED (two missed terms) or CANCELLED. */
@Revision("1")
public record PaymentArrangementEnded(String debtorId, String arrangementId, ArrangementOutcome outcome, LocalDate date, LocalDate bookingDate) {
}
