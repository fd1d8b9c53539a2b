package nl.taxledger.ledger.asof;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.journal.Account;
import nl.taxledger.ledger.journal.Journal;
import nl.taxledger.ledger.journal.JournalEntry;
import nl.taxledger.ledger.journal.JournalLine;

/**
 * The facts behind one cell of the reconciliation (participant × tax type × tax year) as of effective date D, as
 * known at booking date K: the drill-down of the grid. It is fed the same facts in the same order as the
 * {@link AsOfFold} (shared facts, then debtor after debtor: {@link FactsByDebtor}), books them in its own
 * {@link Journal}s (one for the shared facts, one for the debtor at hand, so memory holds one debtor) and keeps each
 * counted fact that moves the cell, with what it moved per column of the reconciliation. It adds up what the events
 * carry; no rule is re-run. The totals are the cell of the fold's reconciliation, which {@link #checkAgainst}
 * asserts.
 */
public final class CellFacts implements FactsByDebtor {
    private final LocalDate asOf;
    private final LocalDate knownAt;
    private final String cell;
    private final int maxListed;
    private final Journal sharedJournal = new Journal();
    private Journal debtorJournal;
    private String debtorId;
    /** The first {@code maxListed} facts by position: the head is the latest of them, dropped for an earlier one. */
    private final PriorityQueue<Fact> listed =
            new PriorityQueue<>(Comparator.comparingLong(Fact::position).reversed());

    private final long[] totals = new long[Column.values().length];
    private long counted;

    /** The columns of a reconciliation cell, in the order of the grid. */
    public enum Column {
        IMPOSED(Account.IMPOSED, -1),
        REDUCTIONS(Account.REDUCTIONS, 1),
        EXEMPTIONS(Account.EXEMPTIONS, 1),
        ANNULMENTS(Account.ANNULMENTS, 1),
        REMISSIONS(Account.REMISSION, 1),
        UNCOLLECTIBLE(Account.WRITE_OFF, 1),
        RECEIVED(Account.RECEIVED, 1),
        OUTSTANDING(Account.RECEIVABLE, 1);

        private final Account account;
        /** Imposed is a credit account shown positive, as in {@link AsOfFold#reconciliation()}. */
        private final int sign;

        Column(Account account, int sign) {
            this.account = account;
            this.sign = sign;
        }
    }

    /**
     * One counted fact that moved the cell: its position in the global order (the event store's global index), type,
     * debtor and assessment (null when it names none), dates, and cents per {@link Column}.
     */
    public record Fact(
            long position,
            String factType,
            String debtorId,
            String assessmentId,
            LocalDate effectiveDate,
            LocalDate bookingDate,
            long[] cents) {
        public long cents(Column column) {
            return cents[column.ordinal()];
        }
    }

    /** {@code maxListed} bounds the facts kept for showing; the totals count every fact. */
    public CellFacts(
            LocalDate asOf, LocalDate knownAt, String participantId, String taxType, int taxYear, int maxListed) {
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.cell = participantId + "|" + taxType + "|" + taxYear;
        this.maxListed = maxListed;
    }

    @Override
    public void applyShared(long position, LedgerFact event) {
        take(position, event, sharedJournal.post(event));
    }

    @Override
    public void applyDebtor(long position, String debtorId, LedgerFact event) {
        if (!debtorId.equals(this.debtorId)) {
            this.debtorId = debtorId;
            debtorJournal = new Journal();
        }
        take(position, event, debtorJournal.post(event));
    }

    private void take(long position, LedgerFact event, JournalEntry entry) {
        if (!counts(entry)) {
            return;
        }
        long[] cents = new long[Column.values().length];
        boolean moved = false;
        String assessmentId = null;
        for (JournalLine line : entry.lines()) {
            if (line.account().dimension() != Account.Dimension.CELL
                    || !line.dimension().equals(cell)) {
                continue;
            }
            for (Column column : Column.values()) {
                if (column.account == line.account()) {
                    cents[column.ordinal()] = Math.addExact(cents[column.ordinal()], column.sign * line.amountCents());
                    moved = true;
                }
            }
            assessmentId = assessmentId == null ? line.assessmentId() : assessmentId;
        }
        if (!moved) {
            return;
        }
        counted++;
        for (int i = 0; i < cents.length; i++) {
            totals[i] = Math.addExact(totals[i], cents[i]);
        }
        listed.add(new Fact(
                position,
                entry.factType(),
                event.debtor().orElse(null),
                assessmentId,
                entry.effectiveDate(),
                entry.bookingDate(),
                cents));
        if (listed.size() > maxListed) {
            listed.poll();
        }
    }

    private boolean counts(JournalEntry entry) {
        return (asOf == null || !entry.effectiveDate().isAfter(asOf))
                && (knownAt == null || !entry.bookingDate().isAfter(knownAt));
    }

    /** The facts kept for showing, in global order: at most {@code maxListed}. */
    public List<Fact> facts() {
        return listed.stream().sorted(Comparator.comparingLong(Fact::position)).toList();
    }

    /** How many counted facts moved the cell (more than {@link #facts()} holds when the list was cut). */
    public long factsCounted() {
        return counted;
    }

    /** The sum of a column over every counted fact. */
    public long totalCents(Column column) {
        return totals[column.ordinal()];
    }

    /**
     * Stops when the facts do not add up to {@code fold}'s cell (both folded from the same facts): the drill-down
     * would then show figures the grid does not, and one of the two is wrong.
     */
    public void checkAgainst(AsOfFold fold, String participantId, String taxType, int taxYear) {
        ReconciliationCell grid = fold.reconciliation(participantId, taxType, taxYear)
                .orElse(new ReconciliationCell(participantId, taxType, taxYear, 0, 0, 0, 0, 0, 0, 0, 0));
        long[] expected = {
            grid.imposedCents(),
            grid.reductionsCents(),
            grid.exemptionsCents(),
            grid.annulmentsCents(),
            grid.remissionsCents(),
            grid.uncollectibleCents(),
            grid.receivedCents(),
            grid.outstandingCents()
        };
        for (Column column : Column.values()) {
            if (expected[column.ordinal()] != totalCents(column)) {
                throw new IllegalStateException("the facts behind " + cell + " add up to " + totalCents(column) + " "
                        + column + ", the reconciliation says " + expected[column.ordinal()]);
            }
        }
    }
}
