package nl.taxledger.ledger.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bank reconciliation of one account on one statement date (domain.md §9, DVO 5.1), as a pure function: the
 * statement's closing balance against the ledger's bank balance of that account, and the difference explained item by
 * item. The statement side is the chain of statements up to the date (opening balance brought forward, accepted gaps)
 * and their booked transactions; the ledger side is the bank lines of the journal with an effective date up to the
 * date. Both sides are keyed as {@link BankLedgerLine} says; what appears on one side only (or with another amount)
 * is an item. What the items do not explain is the unexplained difference, and {@code where} names the statements
 * whose recorded transactions do not add up to their balances (the only place a difference can hide).
 */
public final class BankReconciliation {
    private BankReconciliation() {}

    /** What an item is; {@code cents} of an item is statement side − ledger side. */
    public enum ItemKind {
        /** The first statement's opening balance: money on the account before the ledger knew it. */
        OPENING_BALANCE,
        /** A statement booked with an accepted gap: its opening balance minus the closing balance before it. */
        ACCEPTED_GAP,
        /** A debit on a statement that is none of ours (bank costs, unknown): never booked to a debtor. */
        UNRECONCILED_DEBIT,
        /** A payout (remittance, refund) booked in the ledger whose debit is on no statement yet. */
        PAYOUT_NOT_EXECUTED,
        /** A payout debited on a statement up to the date but booked in the ledger with a later date. */
        PAYOUT_EXECUTED_BEFORE_BOOKED,
        /** A receipt booked in the ledger (typed in, or from a notification) on no statement up to the date yet. */
        RECEIPT_NOT_ON_STATEMENT,
        /** A credit on a statement up to the date whose payment has a later value date in the ledger. */
        RECEIPT_BOOKED_LATER,
        /** A storno booked in the ledger whose debit is on no statement up to the date. */
        REVERSAL_NOT_ON_STATEMENT,
        /** A storno debited on a statement up to the date, booked in the ledger with a later date or not at all. */
        REVERSAL_NOT_BOOKED,
        /** On both sides, with different amounts (e.g. a transaction on two overlapping statements). */
        AMOUNT_DIFFERS
    }

    /** A statement of the account as recorded ({@code BankStatementRecorded}). */
    public record StatementBalance(
            String statementId,
            LocalDate statementDate,
            Long electronicSequence,
            long openingCents,
            long closingCents,
            String gapReason) {}

    /** A booked transaction on a recorded statement: signed cents (debit negative), keyed like the ledger side. */
    public record BankLine(String statementId, String key, long cents, String text) {}

    public record Item(ItemKind kind, String key, String statementId, long cents, String text) {}

    /**
     * {@code statementClosingCents} is null when no statement of the account is dated on or before the date; the
     * statement side is then 0. {@code differenceCents} = statement − ledger = explained + unexplained.
     */
    public record Report(
            String iban,
            LocalDate date,
            String statementId,
            Long statementClosingCents,
            long ledgerBankCents,
            long differenceCents,
            List<Item> items,
            long explainedCents,
            long unexplainedCents,
            List<String> where) {}

    private static final Comparator<StatementBalance> ORDER = Comparator.comparing(StatementBalance::statementDate)
            .thenComparing(s -> s.electronicSequence() == null ? Long.MIN_VALUE : s.electronicSequence());

    /**
     * @param statements every recorded statement of the account (any order; those after {@code date} are left out)
     * @param lines      the booked transactions of those statements
     * @param ledger     the account's bank lines of the journal (any date; those after {@code date} are left out)
     */
    public static Report reconcile(
            String iban,
            LocalDate date,
            List<StatementBalance> statements,
            List<BankLine> lines,
            List<BankLedgerLine> ledger) {
        List<StatementBalance> upTo = statements.stream()
                .filter(s -> !s.statementDate().isAfter(date))
                .sorted(ORDER)
                .toList();
        List<Item> items = new ArrayList<>(chainItems(upTo));
        List<String> where = new ArrayList<>();
        StatementSide bank = statementSide(upTo, lines, where);
        Map<String, Long> ledgerByKey = new TreeMap<>();
        long ledgerBankCents = 0;
        for (BankLedgerLine line : ledger) {
            if (!line.effectiveDate().isAfter(date)) {
                ledgerByKey.merge(line.key(), line.cents(), Math::addExact);
                ledgerBankCents = Math.addExact(ledgerBankCents, line.cents());
            }
        }
        java.util.SortedSet<String> keys =
                new java.util.TreeSet<>(bank.centsByKey().keySet());
        keys.addAll(ledgerByKey.keySet());
        for (String key : keys) {
            Long onStatements = bank.centsByKey().get(key);
            Long booked = ledgerByKey.get(key);
            long cents = (onStatements == null ? 0 : onStatements) - (booked == null ? 0 : booked);
            if (cents != 0) {
                items.add(new Item(
                        kind(key, onStatements, booked),
                        key,
                        bank.statementOfKey().get(key),
                        cents,
                        bank.textOfKey().get(key)));
            }
        }
        StatementBalance last = upTo.isEmpty() ? null : upTo.get(upTo.size() - 1);
        long statementCents = last == null ? 0 : last.closingCents();
        long differenceCents = statementCents - ledgerBankCents;
        long explainedCents = items.stream().mapToLong(Item::cents).reduce(0, Math::addExact);
        long unexplainedCents = differenceCents - explainedCents;
        if (last == null) {
            where.add("no statement of " + iban + " is dated on or before " + date);
        }
        return new Report(
                iban,
                date,
                last == null ? null : last.statementId(),
                last == null ? null : last.closingCents(),
                ledgerBankCents,
                differenceCents,
                List.copyOf(items),
                explainedCents,
                unexplainedCents,
                List.copyOf(where));
    }

    /** The statements' booked transactions summed per key, with the first statement and text of each key. */
    private record StatementSide(
            Map<String, Long> centsByKey, Map<String, String> statementOfKey, Map<String, String> textOfKey) {}

    /**
     * The statement side, per key; a statement whose recorded transactions do not add up to its balances is named
     * in {@code where}: that is where an unexplained difference comes from.
     */
    private static StatementSide statementSide(List<StatementBalance> upTo, List<BankLine> lines, List<String> where) {
        StatementSide side = new StatementSide(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        Map<String, List<BankLine>> linesOf = new HashMap<>();
        lines.forEach(line -> linesOf.computeIfAbsent(line.statementId(), id -> new ArrayList<>())
                .add(line));
        for (StatementBalance statement : upTo) {
            long linesCents = 0;
            for (BankLine line : linesOf.getOrDefault(statement.statementId(), List.of())) {
                linesCents = Math.addExact(linesCents, line.cents());
                side.centsByKey().merge(line.key(), line.cents(), Math::addExact);
                side.statementOfKey().putIfAbsent(line.key(), line.statementId());
                side.textOfKey().putIfAbsent(line.key(), line.text());
            }
            long movedCents = statement.closingCents() - statement.openingCents();
            if (linesCents != movedCents) {
                where.add("statement " + statement.statementId() + " moved " + Cents.text(movedCents)
                        + " but its recorded transactions add up to " + Cents.text(linesCents));
            }
        }
        return side;
    }

    /** The balance brought forward and every accepted gap of the chain up to the date. */
    private static List<Item> chainItems(List<StatementBalance> chain) {
        List<Item> items = new ArrayList<>();
        StatementBalance previous = null;
        for (StatementBalance statement : chain) {
            if (previous == null) {
                if (statement.openingCents() != 0) {
                    items.add(new Item(
                            ItemKind.OPENING_BALANCE,
                            null,
                            statement.statementId(),
                            statement.openingCents(),
                            "opening balance of the first statement"));
                }
            } else if (statement.openingCents() != previous.closingCents()) {
                items.add(new Item(
                        ItemKind.ACCEPTED_GAP,
                        null,
                        statement.statementId(),
                        statement.openingCents() - previous.closingCents(),
                        statement.gapReason()));
            }
            previous = statement;
        }
        return items;
    }

    private static ItemKind kind(String key, Long bank, Long book) {
        if (key.startsWith(BankLedgerLine.PAYOUT)) {
            return bank == null
                    ? ItemKind.PAYOUT_NOT_EXECUTED
                    : book == null ? ItemKind.PAYOUT_EXECUTED_BEFORE_BOOKED : ItemKind.AMOUNT_DIFFERS;
        } else if (key.startsWith(BankLedgerLine.PAYMENT)) {
            return bank == null
                    ? ItemKind.RECEIPT_NOT_ON_STATEMENT
                    : book == null ? ItemKind.RECEIPT_BOOKED_LATER : ItemKind.AMOUNT_DIFFERS;
        } else if (key.startsWith(BankLedgerLine.REVERSAL)) {
            return bank == null
                    ? ItemKind.REVERSAL_NOT_ON_STATEMENT
                    : book == null ? ItemKind.REVERSAL_NOT_BOOKED : ItemKind.AMOUNT_DIFFERS;
        }
        return book == null ? ItemKind.UNRECONCILED_DEBIT : ItemKind.AMOUNT_DIFFERS;
    }
}
