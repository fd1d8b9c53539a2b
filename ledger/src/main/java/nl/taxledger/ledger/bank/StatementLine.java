package nl.taxledger.ledger.bank;

import java.time.LocalDate;

/**
 * One transaction of a statement with its identity (domain.md §9). {@code key} makes a booking idempotent: account
 * IBAN + the entry's AcctSvcrRef + the transaction's 1-based index in the entry, or without AcctSvcrRef the
 * statement id + the entry's 1-based position + index. {@code paymentId} is the same without the IBAN.
 */
public record StatementLine(
        String key,
        String paymentId,
        String statementId,
        int entryPosition,
        int index,
        long amountCents,
        Statement.Entry entry,
        Statement.Transaction transaction) {
    public boolean credit() {
        return entry.credit();
    }

    public boolean booked() {
        return entry.booked();
    }

    /**
     * A booked debit that takes back money that came in (domain.md §9 "Debit transactions"): the transaction has
     * return information ({@code RtrInf}), the entry is marked a reversal ({@code RvslInd}), or its bank transaction
     * code is a return or reversal of an issued direct debit ({@link #RETURN_CODES}).
     */
    public boolean takesBackACredit() {
        return !credit()
                && (transaction.returnInfo() != null
                        || entry.reversal()
                        || entry.bankTransactionCode() != null && RETURN_CODES.contains(entry.bankTransactionCode()));
    }

    /**
     * ISO bank transaction codes (Domain/Family/Sub-family) of a collection taken back: an unpaid (returned) direct
     * debit, a reversal of one, a reversal due to a return, or to a cancellation request.
     */
    static final java.util.Set<String> RETURN_CODES =
            java.util.Set.of("PMNT/IDDT/UPDD", "PMNT/IDDT/PRDD", "PMNT/IDDT/RRTN", "PMNT/IDDT/RPCR");

    /** The return reason the bank gave ({@code RtrInf/Rsn}), null when none. */
    public String returnReasonCode() {
        return transaction.returnInfo() == null
                ? null
                : transaction.returnInfo().reasonCode();
    }

    /** ValDt, else BookgDt. */
    public LocalDate valueDate() {
        return entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
    }
}
