package nl.taxledger.service.bank;

import java.util.List;

/**
 * The answer to a statement import: every transaction of the file and the counts of the scenario format's
 * {@code bankImport} (credit transactions only: booked now, of which directed / undirected / to suspense, and
 * those an earlier import had booked).
 */
public record BankImportAnswer(
        List<StatementAnswer> statements,
        List<TransactionAnswer> transactions,
        int payments,
        int directed,
        int undirected,
        int suspense,
        int alreadyBooked) {

    /** A statement of the file: recorded now, or before (a re-import), and the gap accepted if any. */
    public record StatementAnswer(
            String iban,
            String statementId,
            String statementDate,
            String opening,
            String closing,
            boolean recordedBefore,
            String gapReason) {}

    /**
     * One transaction. {@code outcome}: BOOKED, ALREADY_BOOKED, NOT_BOOKED (entry status not BOOK),
     * PAYOUT_EXECUTED (a debit with the EndToEndId of our payout {@code payout}) or UNRECONCILED_DEBIT (any other
     * debit: never booked to a debtor). {@code bankText} is the bank's text for debits and entries not booked.
     */
    public record TransactionAnswer(
            String statementId,
            String paymentId,
            String amount,
            String direction,
            String entryStatus,
            String outcome,
            String debtorId,
            String assessmentId,
            String matchedBy,
            String suspenseReason,
            String bankText,
            String payout) {}
}
