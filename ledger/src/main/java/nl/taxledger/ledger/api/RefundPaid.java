package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Teruggaaf: credit paid out, newest payment first. {@code accountRef} points into the erasable register. */
@Revision("1")
public record RefundPaid(String debtorId, String refundId, long amountCents, List<PaymentAmount> creditSpent,
                         LocalDate valueDate, String accountRef, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnValueDate {
}
