package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A collection under a mandate failed; {@code consecutiveFailures} counts failures since the last success. */
@Revision("1")
public record DirectDebitCollectionFailed(String debtorId, String mandateId, LocalDate collectionDate, String reasonCode, int consecutiveFailures, LocalDate bookingDate) {
}
