package nl.taxledger.ledger.bank;

import java.time.LocalDate;

/**
 * The EndToEndId each payout carries in our pain.001 and that the bank reports back on the statement debit that
 * executed it (domain.md §9). One place, so the file writer and the reconciliation cannot drift apart.
 */
public final class PayoutIds {
    /** SEPA's limit on an EndToEndId. */
    public static final int MAX_LENGTH = 35;

    private PayoutIds() {}

    /** A participant's remittance of the run ending {@code periodEnd}. */
    public static String remittance(String participantId, LocalDate periodEnd) {
        return limit("AFDR-" + participantId + "-" + periodEnd);
    }

    /** A debtor's refund. */
    public static String refund(String refundId) {
        return limit("TERUG-" + refundId);
    }

    private static String limit(String id) {
        return id.length() <= MAX_LENGTH ? id : id.substring(0, MAX_LENGTH);
    }
}
