package nl.taxledger.ledger.asof.oracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.asof.CollectionRate;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.ManagementInfo;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.ledger.asof.TrialBalanceRow;
import nl.taxledger.ledger.journal.Account;
import nl.taxledger.ledger.journal.Journal;
import nl.taxledger.ledger.journal.JournalEntry;
import nl.taxledger.ledger.journal.JournalLine;

/**
 * ORACLE: the as-of fold as it was before issue 14 (every assessment in memory, facts in global order), kept
 * unchanged so the bounded fold can be checked against it. Not used by any production code.
 * <p>
 * The ledger as of effective date D, as known at booking date K (domain.md §2): receives the
 * facts one by one in global order and counts a fact when its effective date ≤ D and its booking
 * date ≤ K (null = unbounded). It books every counted fact in the {@link Journal} and only adds up
 * the journal lines, which carry the amounts the events carry: no rule is ever re-run.
 * Every report (reconciliation, debtors, trial balance) is read off the same account balances.
 */
public final class OracleFold {
    private final LocalDate asOf;
    private final LocalDate knownAt;
    private final Journal journal = new Journal();
    /** account|dimension → [debit movements, credit movements] in cents. */
    private final Map<String, long[]> accounts = new TreeMap<>();
    /** debtorId → assessmentId → [costs, interest, principal] open cents. */
    private final Map<String, Map<String, long[]>> receivables = new TreeMap<>();
    /** debtorId → credit cents (a liability: positive = the collector owes the debtor). */
    private final Map<String, Long> credit = new TreeMap<>();

    private final OracleManagementInfo managementInfo;
    private final OracleCollectionRate collectionRate;
    private long factsSeen;
    private long factsCounted;

    public OracleFold(LocalDate asOf, LocalDate knownAt) {
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.managementInfo = new OracleManagementInfo(asOf);
        this.collectionRate = new OracleCollectionRate(asOf);
    }

    /** Folds one fact; facts must arrive in global (append) order. */
    public void apply(LedgerFact event) {
        factsSeen++;
        JournalEntry entry = journal.post(event);
        if (event instanceof AssessmentImposed imposed) {
            // dates of the assessment are metadata the reports need even before it counts
            managementInfo.register(imposed);
            collectionRate.register(imposed);
        }
        if (!counts(entry)) {
            return;
        }
        factsCounted++;
        for (JournalLine line : entry.lines()) {
            book(line);
            collectionRate.add(entry.effectiveDate(), line);
        }
        managementInfo.add(event, entry);
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
        if (line.account() == Account.DEBTOR_CREDIT) {
            credit.merge(line.debtorId(), -line.amountCents(), Math::addExact);
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
            long[] open = receivables
                    .computeIfAbsent(line.debtorId(), d -> new TreeMap<>())
                    .computeIfAbsent(line.assessmentId(), a -> new long[3]);
            open[column] = Math.addExact(open[column], line.amountCents());
            managementInfo.open(line.debtorId(), line.assessmentId(), line.amountCents());
        }
    }

    /** The balance (debit − credit) of an account and dimension; 0 when never booked. */
    public long balanceCents(Account account, String dimension) {
        long[] movements = accounts.get(account.name() + "|" + dimension);
        return movements == null ? 0 : movements[0] - movements[1];
    }

    /** Every account that was booked, sorted by account code, then dimension. */
    public List<TrialBalanceRow> trialBalance() {
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
        TreeMap<String, Boolean> debtorIds = new TreeMap<>();
        receivables.keySet().forEach(d -> debtorIds.put(d, true));
        credit.keySet().forEach(d -> debtorIds.put(d, true));
        List<DebtorPosition> report = new ArrayList<>();
        for (String debtorId : debtorIds.keySet()) {
            report.add(debtor(debtorId));
        }
        return report;
    }

    /** A debtor's position; zeros when nothing about the debtor counts as of the reference date. */
    public DebtorPosition debtor(String debtorId) {
        List<DebtorPosition.AssessmentPosition> assessments = new ArrayList<>();
        receivables
                .getOrDefault(debtorId, Map.of())
                .forEach((assessmentId, open) -> assessments.add(
                        new DebtorPosition.AssessmentPosition(assessmentId, open[0], open[1], open[2])));
        return new DebtorPosition(debtorId, credit.getOrDefault(debtorId, 0L), assessments);
    }

    /** Money held in suspense (a liability, so its credit balance). */
    public long suspenseCents() {
        return -balanceCents(Account.SUSPENSE, "");
    }

    public List<ManagementInfo.Row> managementInfo() {
        return managementInfo.rows();
    }

    public List<CollectionRate.Row> collectionRate() {
        return collectionRate.rows();
    }

    public long factsSeen() {
        return factsSeen;
    }

    public long factsCounted() {
        return factsCounted;
    }
}
