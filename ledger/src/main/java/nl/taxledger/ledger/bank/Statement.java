package nl.taxledger.ledger.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;

/**
 * One statement (camt.053 {@code Stmt}) or notification (camt.054 {@code Ntfctn}) as read from a bank file, in
 * cents, independent of the message version. Notifications carry no balances ({@code openingCents} and
 * {@code closingCents} null) and take no part in the sequence of statements.
 */
public record Statement(
        String accountIban,
        String statementId,
        LocalDate statementDate,
        Long electronicSequence,
        Long openingCents,
        Long closingCents,
        List<Entry> entries) {
    /** Bounds a file's work: a large day statement of a big collector has some tens of thousands of entries. */
    public static final int MAX_ENTRIES = 1_000_000;

    public Statement {
        entries = List.copyOf(entries);
    }

    /** A statement with balances takes part in the sequence check; a notification does not. */
    public boolean hasBalances() {
        return openingCents != null;
    }

    /**
     * The whole-file checks that need no ledger state: the balances add up (domain.md §9), a batch entry's
     * transactions add up to the entry, and every transaction has an amount. Throws before anything is booked.
     */
    public void check() {
        if (statementId == null || accountIban == null) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "statement without id or account IBAN");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new LedgerRejection(
                    ErrorCode.VALIDATION_FAILED,
                    "statement " + statementId + " has more than " + MAX_ENTRIES + " entries");
        }
        if ((openingCents == null) != (closingCents == null)) {
            throw new LedgerRejection(
                    ErrorCode.VALIDATION_FAILED,
                    "statement " + statementId
                            + " needs both an opening (OPBD or PRCD) and a closing (CLBD) booked balance");
        }
        long bookedNetCents = 0;
        for (int position = 1; position <= entries.size(); position++) {
            Entry entry = entries.get(position - 1);
            entry.transactionAmounts(statementId, position);
            if (entry.booked()) {
                bookedNetCents = Math.addExact(bookedNetCents, entry.signedCents());
            }
        }
        if (hasBalances() && openingCents + bookedNetCents != closingCents) {
            throw new LedgerRejection(
                    ErrorCode.STATEMENT_UNBALANCED,
                    "statement " + statementId + ": opening "
                            + Cents.text(openingCents) + " + booked entries " + Cents.text(bookedNetCents) + " = "
                            + Cents.text(openingCents + bookedNetCents) + ", but the closing balance is "
                            + Cents.text(closingCents));
        }
    }

    /** Every transaction of every entry, in file order, with its key and payment id (domain.md §9). */
    public List<StatementLine> lines() {
        List<StatementLine> lines = new ArrayList<>();
        for (int position = 1; position <= entries.size(); position++) {
            Entry entry = entries.get(position - 1);
            List<Long> amounts = entry.transactionAmounts(statementId, position);
            List<Transaction> transactions = entry.transactionsOrOne();
            for (int index = 1; index <= transactions.size(); index++) {
                String local = entry.accountServicerRef() != null
                        ? entry.accountServicerRef() + ":" + index
                        : statementId + ":" + position + ":" + index;
                String key = accountIban + (entry.accountServicerRef() != null ? "|ref|" : "|stmt|") + local;
                lines.add(new StatementLine(
                        key,
                        local,
                        statementId,
                        position,
                        index,
                        amounts.get(index - 1),
                        entry,
                        transactions.get(index - 1)));
            }
        }
        return lines;
    }

    /**
     * One {@code Ntry}. {@code status} is the code as written (BOOK, PDNG, INFO). {@code bankTransactionCode} is the
     * ISO code {@code Domn/Fmly/SubFmly} joined with {@code /} (e.g. {@code PMNT/IDDT/UPDD}), null without one.
     */
    public record Entry(
            long amountCents,
            boolean credit,
            String status,
            LocalDate bookingDate,
            LocalDate valueDate,
            String accountServicerRef,
            boolean reversal,
            String additionalInfo,
            List<Transaction> transactions,
            String bankTransactionCode) {
        public Entry {
            transactions = List.copyOf(transactions);
        }

        /** An entry without a bank transaction code. */
        public Entry(
                long amountCents,
                boolean credit,
                String status,
                LocalDate bookingDate,
                LocalDate valueDate,
                String accountServicerRef,
                boolean reversal,
                String additionalInfo,
                List<Transaction> transactions) {
            this(
                    amountCents,
                    credit,
                    status,
                    bookingDate,
                    valueDate,
                    accountServicerRef,
                    reversal,
                    additionalInfo,
                    transactions,
                    null);
        }

        /** Only booked entries count (domain.md §9); pending and informational ones are reported, not booked. */
        public boolean booked() {
            return "BOOK".equals(status);
        }

        long signedCents() {
            return credit ? amountCents : -amountCents;
        }

        /** An entry without details is one transaction of the entry's amount. */
        List<Transaction> transactionsOrOne() {
            return transactions.isEmpty()
                    ? List.of(new Transaction(null, null, null, null, null, null, null))
                    : transactions;
        }

        List<Long> transactionAmounts(String statementId, int position) {
            List<Transaction> all = transactionsOrOne();
            if (all.size() == 1) {
                Long own = all.get(0).amountCents();
                checkAdds(own == null || own == amountCents, statementId, position);
                return List.of(amountCents);
            }
            List<Long> amounts = new ArrayList<>();
            long sumCents = 0;
            for (Transaction transaction : all) {
                if (transaction.amountCents() == null) {
                    throw new LedgerRejection(
                            ErrorCode.VALIDATION_FAILED,
                            "statement " + statementId + " entry " + position
                                    + ": a batch entry's transaction without an amount");
                }
                amounts.add(transaction.amountCents());
                sumCents = Math.addExact(sumCents, transaction.amountCents());
            }
            checkAdds(sumCents == amountCents, statementId, position);
            return amounts;
        }

        private void checkAdds(boolean adds, String statementId, int position) {
            if (!adds) {
                throw new LedgerRejection(
                        ErrorCode.VALIDATION_FAILED,
                        "statement " + statementId + " entry " + position
                                + ": the transactions do not add up to the entry amount " + Cents.text(amountCents));
            }
        }
    }

    /**
     * One {@code TxDtls}: what the matching rules read. The counterparty's IBAN and name are personal data: they
     * go to the erasable register, never into events.
     */
    public record Transaction(
            Long amountCents,
            String endToEndId,
            String structuredReference,
            String unstructuredText,
            String counterpartyIban,
            String counterpartyName,
            ReturnInfo returnInfo) {
        /** A transaction that is no return. */
        public Transaction(
                Long amountCents,
                String endToEndId,
                String structuredReference,
                String unstructuredText,
                String counterpartyIban,
                String counterpartyName) {
            this(
                    amountCents,
                    endToEndId,
                    structuredReference,
                    unstructuredText,
                    counterpartyIban,
                    counterpartyName,
                    null);
        }
    }

    /**
     * The {@code RtrInf} of a transaction: present on a returned or refunded payment. {@code reasonCode} is
     * {@code Rsn/Cd} (an ISO external return reason such as {@code AM04} or {@code MD06}), else {@code Rsn/Prtry};
     * null when the bank gave none.
     */
    public record ReturnInfo(String reasonCode) {}
}
