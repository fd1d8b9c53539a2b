package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Verrekening (art. 24 IW): credit, spent newest payment first, set off against open claims. Allocations keep the paymentId whose credit paid them. */
@Revision("1")
public record CreditOffset(String debtorId, long amountCents, List<PaymentAmount> creditSpent,
                           List<Allocation> allocations, LocalDate date, String reference,
                           LocalDate bookingDate)
        implements LedgerFact, OfDebtor, EffectiveOnDate {

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return PrincipalReceipt.allocated(ReceiptKind.SET_OFF, allocations);
    }
}
