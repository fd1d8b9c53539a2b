package nl.taxledger.ledger.bank;

import java.time.LocalDate;
import java.util.Optional;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RemittanceIssued;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.ledger.journal.Account;
import nl.taxledger.ledger.journal.JournalEntry;
import nl.taxledger.ledger.journal.JournalLine;

/**
 * What one fact did to the journal's bank account (1000), named by the key its statement transaction carries, so
 * the bank reconciliation can pair the two: {@code payment:<paymentId>} for money in (a payment or a payment held in
 * suspense), {@code reversal:<paymentId>} for its storno, {@code payout:<EndToEndId>} for a remittance or refund.
 * {@code cents} is the signed sum of the entry's bank lines (in positive), on the fact's effective date.
 */
public record BankLedgerLine(String key, long cents, LocalDate effectiveDate, String paymentId) {
    public static final String PAYMENT = "payment:";
    public static final String REVERSAL = "reversal:";
    public static final String PAYOUT = "payout:";

    /**
     * The bank line of {@code fact}, booked as {@code entry}; empty when the entry does not touch the bank account.
     * A fact type that moves the bank account and has no key here stops the reconciliation, like the journal stops
     * on a fact it cannot book: it would otherwise be a difference nobody can explain.
     */
    public static Optional<BankLedgerLine> of(LedgerFact fact, JournalEntry entry) {
        long cents = 0;
        boolean touched = false;
        for (JournalLine line : entry.lines()) {
            if (line.account() == Account.BANK) {
                cents = Math.addExact(cents, line.amountCents());
                touched = true;
            }
        }
        if (!touched) {
            return Optional.empty();
        }
        return Optional.of(new BankLedgerLine(key(fact), cents, fact.effectiveDate(), paymentId(fact)));
    }

    private static String key(LedgerFact fact) {
        if (fact instanceof PaymentReceived e && !e.fromSuspense()) {
            return PAYMENT + e.paymentId();
        } else if (fact instanceof PaymentUnmatched e) {
            return PAYMENT + e.paymentId();
        } else if (fact instanceof PaymentReversed e) {
            return REVERSAL + e.paymentId();
        } else if (fact instanceof UnmatchedPaymentReversed e) {
            return REVERSAL + e.paymentId();
        } else if (fact instanceof RemittanceIssued e) {
            return PAYOUT + PayoutIds.remittance(e.participantId(), e.periodEnd());
        } else if (fact instanceof RefundPaid e) {
            return PAYOUT + PayoutIds.refund(e.refundId());
        }
        throw new IllegalStateException("bank reconciliation: no key for "
                + fact.getClass().getSimpleName() + ", which moves the bank account");
    }

    /** The payment a receipt or storno is about (its account is the statement's it came on); null for payouts. */
    private static String paymentId(LedgerFact fact) {
        if (fact instanceof PaymentReceived e) {
            return e.paymentId();
        } else if (fact instanceof PaymentUnmatched e) {
            return e.paymentId();
        } else if (fact instanceof PaymentReversed e) {
            return e.paymentId();
        } else if (fact instanceof UnmatchedPaymentReversed e) {
            return e.paymentId();
        }
        return null;
    }
}
