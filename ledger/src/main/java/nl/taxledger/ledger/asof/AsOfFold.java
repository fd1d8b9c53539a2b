package nl.taxledger.ledger.asof;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.journal.Account;
import nl.taxledger.ledger.journal.Journal;
import nl.taxledger.ledger.journal.JournalEntry;
import nl.taxledger.ledger.journal.JournalLine;

/**
 * The ledger as of effective date D, as known at booking date K (domain.md §2): counts a fact when its effective
 * date ≤ D and its booking date ≤ K (null = unbounded). It books every counted fact in the {@link Journal} and only
 * adds up the journal lines, which carry the amounts the events carry: no rule is ever re-run. Every report
 * (reconciliation, debtors, trial balance, management information, collection rate) is read off the same sums.
 * <p>
 * Memory is bounded by one debtor, not by the ledger (issue 14): what is about a debtor (its journal lines, open
 * amounts, assessments, arrangements, mandates, cohort movements) lives in a {@link DebtorState} that is settled
 * into the totals, and its {@link DebtorPosition} handed on, once the debtor is complete. A store is read as
 * {@link #applyShared} for the facts outside the debtors' accounts in global order, and {@link #applyDebtor} for each
 * debtor's facts in its own order, debtor after debtor in key order; the one thing that crosses the two, a payment
 * entering suspense outside any debtor and leaving it in a debtor's account, is replayed by global position. Fed
 * with {@link #apply} in global order instead, the fold keeps every debtor until it is read: the same code, for
 * small ledgers and tests.
 */
public final class AsOfFold implements FactsByDebtor {
    private final LocalDate asOf;
    private final LocalDate knownAt;
    /** For facts of no debtor: they name no assessment line, so it never holds any. */
    private final Journal sharedJournal = new Journal();
    /** account|dimension → [debit movements, credit movements] in cents; dimensions are cells and participants. */
    private final Map<String, long[]> accounts = new TreeMap<>();

    private final ManagementInfo managementInfo;
    private final CollectionRate collectionRate;
    private final Consumer<DebtorPosition> debtorSink;
    /** debtorId → position, in key order; null when the positions go to the caller's sink only. */
    private final TreeMap<String, DebtorPosition> kept;
    /** Debtors fed through {@link #apply}, kept until the fold is read. */
    private final TreeMap<String, DebtorState> unsettled = new TreeMap<>();

    private DebtorState current;
    private String lastSettledDebtorId;
    private boolean finished;
    private long factsSeen;
    private long factsCounted;

    /** A fold that keeps every debtor's position for {@link #debtors()}. */
    public AsOfFold(LocalDate asOf, LocalDate knownAt) {
        this(asOf, knownAt, new TreeMap<>(), null);
    }

    /** A fold that hands each debtor's position to {@code debtorSink}, in debtor key order, and keeps none. */
    public AsOfFold(LocalDate asOf, LocalDate knownAt, Consumer<DebtorPosition> debtorSink) {
        this(asOf, knownAt, null, debtorSink);
    }

    private AsOfFold(
            LocalDate asOf,
            LocalDate knownAt,
            TreeMap<String, DebtorPosition> kept,
            Consumer<DebtorPosition> debtorSink) {
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.kept = kept;
        this.debtorSink = kept == null ? debtorSink : p -> kept.put(p.debtorId(), p);
        this.managementInfo = new ManagementInfo(asOf);
        this.collectionRate = new CollectionRate(asOf);
    }

    /** Folds one fact; facts must arrive in global (append) order. */
    public void apply(LedgerFact event) {
        Optional<String> debtorId = event.debtor();
        if (debtorId.isEmpty()) {
            applyShared(factsSeen, event);
            return;
        }
        notFinished();
        unsettled.computeIfAbsent(debtorId.get(), DebtorState::new).apply(factsSeen, event);
    }

    /** Folds a fact stored outside the debtors' accounts; these arrive in global order, {@code position} rising. */
    @Override
    public void applyShared(long position, LedgerFact event) {
        notFinished();
        factsSeen++;
        JournalEntry entry = sharedJournal.post(event);
        if (!counts(entry)) {
            return;
        }
        factsCounted++;
        for (JournalLine line : entry.lines()) {
            if (line.debtorId() != null || line.assessmentId() != null) {
                throw new IllegalStateException("as-of: " + entry.factType() + " at " + position
                        + " books a debtor's line but was stored outside that debtor's account");
            }
            book(line);
        }
        managementInfo.add(position, event, entry, null);
    }

    /**
     * Folds a fact of debtor {@code debtorId}'s account. A debtor's facts arrive together, in the account's order;
     * the debtors arrive in key order ({@link String#compareTo}); a debtor is settled when the next one begins.
     */
    @Override
    public void applyDebtor(long position, String debtorId, LedgerFact event) {
        notFinished();
        if (current == null || !current.debtorId.equals(debtorId)) {
            if (current != null) {
                settle(current);
            }
            current = new DebtorState(debtorId);
        }
        if (!event.debtor().equals(Optional.of(debtorId))) {
            throw new IllegalStateException("as-of: " + event.getClass().getSimpleName() + " at " + position
                    + " is stored in debtor " + debtorId + "'s account but is about " + event.debtor());
        }
        current.apply(position, event);
    }

    /** Settles the debtors still open; the fold can be read afterwards and takes no more facts. Idempotent. */
    public AsOfFold finish() {
        if (finished) {
            return this;
        }
        finished = true;
        if (current != null) {
            settle(current);
            current = null;
        }
        unsettled.values().forEach(this::settle);
        unsettled.clear();
        return this;
    }

    private void notFinished() {
        if (finished) {
            throw new IllegalStateException("as-of: the fold was already read; it takes no more facts");
        }
    }

    private void settle(DebtorState debtor) {
        if (lastSettledDebtorId != null && lastSettledDebtorId.compareTo(debtor.debtorId) >= 0) {
            // the debtors report is sorted by settling order: a debtor out of order or twice would corrupt it
            throw new IllegalStateException("as-of: debtor " + debtor.debtorId + " arrived after " + lastSettledDebtorId
                    + "; debtors must arrive once each, in key order");
        }
        lastSettledDebtorId = debtor.debtorId;
        managementInfo.settle(debtor.figures);
        collectionRate.settle(debtor.rates);
        debtor.position().ifPresent(debtorSink);
    }

    private boolean counts(JournalEntry entry) {
        return (asOf == null || !entry.effectiveDate().isAfter(asOf))
                && (knownAt == null || !entry.bookingDate().isAfter(knownAt));
    }

    private void book(JournalLine line) {
        long[] movements = accounts.computeIfAbsent(line.account().name() + "|" + line.dimension(), k -> new long[2]);
        if (line.amountCents() > 0) {
            movements[0] = Math.addExact(movements[0], line.amountCents());
        } else {
            movements[1] = Math.addExact(movements[1], -line.amountCents());
        }
    }

    /** One debtor while it is folded: its journal lines, open amounts and what the reports keep of it. */
    private final class DebtorState {
        private final String debtorId;
        private final Journal journal = new Journal();
        /** assessmentId → [costs, interest, principal] open cents. */
        private final TreeMap<String, long[]> receivables = new TreeMap<>();
        /** Credit cents (a liability: positive = the collector owes the debtor); null until a credit line counted. */
        private Long creditCents;

        private final ManagementInfo.Debtor figures;
        private final CollectionRate.Debtor rates = new CollectionRate.Debtor();

        DebtorState(String debtorId) {
            this.debtorId = debtorId;
            this.figures = new ManagementInfo.Debtor(debtorId);
        }

        void apply(long position, LedgerFact event) {
            factsSeen++;
            JournalEntry entry = journal.post(event);
            if (event instanceof AssessmentImposed imposed) {
                // dates of the assessment are metadata the reports need even before it counts
                figures.register(imposed);
                rates.register(imposed);
            }
            if (!counts(entry)) {
                return;
            }
            factsCounted++;
            for (JournalLine line : entry.lines()) {
                book(line);
                bookDebtor(line);
                rates.add(entry.effectiveDate(), line);
            }
            managementInfo.add(position, event, entry, figures);
        }

        private void bookDebtor(JournalLine line) {
            if (line.debtorId() != null && !line.debtorId().equals(debtorId)) {
                throw new IllegalStateException(
                        "as-of: a fact of debtor " + debtorId + " books on debtor " + line.debtorId());
            }
            if (line.account() == Account.DEBTOR_CREDIT) {
                creditCents = Math.addExact(creditCents == null ? 0 : creditCents, -line.amountCents());
                return;
            }
            int column =
                    switch (line.account()) {
                        case COSTS_RECEIVABLE -> 0;
                        case INTEREST_RECEIVABLE -> 1;
                        case RECEIVABLE -> 2;
                        default -> -1;
                    };
            if (column >= 0) {
                long[] open = receivables.computeIfAbsent(line.assessmentId(), a -> new long[3]);
                open[column] = Math.addExact(open[column], line.amountCents());
                figures.open(line.assessmentId(), line.amountCents());
            }
        }

        /** The debtor's position, when anything about its credit or assessments counted. */
        Optional<DebtorPosition> position() {
            if (receivables.isEmpty() && creditCents == null) {
                return Optional.empty();
            }
            List<DebtorPosition.AssessmentPosition> assessments = new ArrayList<>(receivables.size());
            receivables.forEach((assessmentId, open) ->
                    assessments.add(new DebtorPosition.AssessmentPosition(assessmentId, open[0], open[1], open[2])));
            return Optional.of(new DebtorPosition(debtorId, creditCents == null ? 0 : creditCents, assessments));
        }
    }

    /** The balance (debit − credit) of an account and dimension; 0 when never booked. */
    public long balanceCents(Account account, String dimension) {
        finish();
        long[] movements = accounts.get(account.name() + "|" + dimension);
        return movements == null ? 0 : movements[0] - movements[1];
    }

    /** Every account that was booked, sorted by account code, then dimension. */
    public List<TrialBalanceRow> trialBalance() {
        finish();
        List<TrialBalanceRow> rows = new ArrayList<>();
        accounts.forEach((key, movements) -> {
            int bar = key.indexOf('|');
            rows.add(new TrialBalanceRow(
                    Account.valueOf(key.substring(0, bar)), key.substring(bar + 1), movements[0], movements[1]));
        });
        rows.sort((a, b) -> a.account().code().equals(b.account().code())
                ? a.dimension().compareTo(b.dimension())
                : a.account().code().compareTo(b.account().code()));
        return rows;
    }

    /** The reconciliation of §6, read off the cell accounts of the journal, sorted by participant, type, year. */
    public List<ReconciliationCell> reconciliation() {
        TreeMap<String, String[]> cells = new TreeMap<>();
        for (TrialBalanceRow row : trialBalance()) {
            if (row.account().dimension() == Account.Dimension.CELL) {
                String[] parts = row.dimension().split("\\|");
                String sortKey = parts[0] + "|" + parts[1] + "|" + String.format("%04d", Integer.parseInt(parts[2]));
                cells.put(sortKey, parts);
            }
        }
        List<ReconciliationCell> report = new ArrayList<>();
        for (String[] parts : cells.values()) {
            String cell = String.join("|", parts);
            report.add(new ReconciliationCell(
                    parts[0],
                    parts[1],
                    Integer.parseInt(parts[2]),
                    -balanceCents(Account.IMPOSED, cell),
                    balanceCents(Account.REDUCTIONS, cell),
                    balanceCents(Account.EXEMPTIONS, cell),
                    balanceCents(Account.ANNULMENTS, cell),
                    balanceCents(Account.REMISSION, cell),
                    balanceCents(Account.WRITE_OFF, cell),
                    balanceCents(Account.RECEIVED, cell),
                    balanceCents(Account.RECEIVABLE, cell)));
        }
        return report;
    }

    public Optional<ReconciliationCell> reconciliation(String participantId, String taxType, int taxYear) {
        return reconciliation().stream()
                .filter(c -> c.participantId().equals(participantId)
                        && c.taxType().equals(taxType)
                        && c.taxYear() == taxYear)
                .findFirst();
    }

    /** Every debtor with a counted fact, sorted by debtor id, assessments by assessment id. */
    public List<DebtorPosition> debtors() {
        return List.copyOf(keptPositions().values());
    }

    /** A debtor's position; zeros when nothing about the debtor counts as of the reference date. */
    public DebtorPosition debtor(String debtorId) {
        return keptPositions().getOrDefault(debtorId, new DebtorPosition(debtorId, 0, List.of()));
    }

    private Map<String, DebtorPosition> keptPositions() {
        finish();
        if (kept == null) {
            throw new IllegalStateException("as-of: the debtor positions went to the caller's sink, none were kept");
        }
        return kept;
    }

    /** Money held in suspense (a liability, so its credit balance). */
    public long suspenseCents() {
        return -balanceCents(Account.SUSPENSE, "");
    }

    public List<ManagementInfo.Row> managementInfo() {
        finish();
        return managementInfo.rows();
    }

    public List<CollectionRate.Row> collectionRate() {
        finish();
        return collectionRate.rows();
    }

    public long factsSeen() {
        return factsSeen;
    }

    public long factsCounted() {
        return factsCounted;
    }
}
