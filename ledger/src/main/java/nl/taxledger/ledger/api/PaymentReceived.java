package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Money in for a debtor, with its art. 7 allocation decided once by the command handler: first {@code negativeCreditSettledCents}, then {@code allocations}, and {@code creditCents} left as credit. {@code fromSuspense} marks money that was already in suspense (not new money). {@code counterpartyRef} points into the erasable register, never an IBAN. */
/* Revision 2 added {@code matchedBy}: the §9 bank-statement rule that decided the payment; null when none did.
Revision 3 added {@code collection}: the run's collection (mandate, collection date) a rule-1 payment settled, what
three strikes counts (§10); null for every other payment, and read as null from facts of revisions 1 and 2 (the
serializer leaves a missing field null: no upcaster needed). */
@Revision("3")
public record PaymentReceived(
        String debtorId,
        String paymentId,
        long amountCents,
        LocalDate valueDate,
        String reference,
        String channel,
        String counterpartyRef,
        boolean fromSuspense,
        long negativeCreditSettledCents,
        List<Allocation> allocations,
        long creditCents,
        LocalDate bookingDate,
        MatchedBy matchedBy,
        CollectionRef collection)
        implements LedgerFact, OfDebtor, EffectiveOnValueDate {

    /** Without a matching rule and no collection: typed-in payments and assignments from suspense. */
    public PaymentReceived(
            String debtorId,
            String paymentId,
            long amountCents,
            LocalDate valueDate,
            String reference,
            String channel,
            String counterpartyRef,
            boolean fromSuspense,
            long negativeCreditSettledCents,
            List<Allocation> allocations,
            long creditCents,
            LocalDate bookingDate) {
        this(
                debtorId,
                paymentId,
                amountCents,
                valueDate,
                reference,
                channel,
                counterpartyRef,
                fromSuspense,
                negativeCreditSettledCents,
                allocations,
                creditCents,
                bookingDate,
                null,
                null);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return PrincipalReceipt.allocated(ReceiptKind.PAYMENT, allocations);
    }
}
