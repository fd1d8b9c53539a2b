package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Storno: the exact reversal of what the payment still held ({@code takenBack} off items, {@code ownCreditTakenCents} of its own credit); the rest of its amount came from the debtor's other credit, newest first, and what was still missing made the credit negative. */
@Revision("1")
public record PaymentReversed(String debtorId, String paymentId, long amountCents, LocalDate valueDate,
                              String reasonCode, List<Allocation> takenBack, long ownCreditTakenCents,
                              List<PaymentAmount> otherCreditTaken, long negativeCreditAddedCents,
                              LocalDate bookingDate)
        implements LedgerFact, OfDebtor, EffectiveOnValueDate {

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return PrincipalReceipt.takenBack(ReceiptKind.STORNO, takenBack);
    }
}
