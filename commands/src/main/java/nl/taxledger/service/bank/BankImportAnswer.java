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
     * debit: never booked to a debtor); for R-transactions (domain.md §10) RETURN_BOOKED, RETURN_ALREADY_BOOKED,
     * ALREADY_FAILED, RETURN_NOT_SETTLED, and from a pain.002 FAILURE_RECORDED, UNKNOWN_COLLECTION, FILE_REJECTED
     * (docs/bank-files.md). {@code bankText} is the bank's text for debits and entries not booked. {@code endToEndId}
     * and {@code reasonCode}: the original EndToEndId and the reject or return reason of an R-transaction. For a
     * pain.002 {@code statementId} is the report's message id, {@code paymentId} the status id ({@code StsId}),
     * {@code direction} NONE.
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
            String endToEndId,
            String reasonCode,
            String payout) {}
}
