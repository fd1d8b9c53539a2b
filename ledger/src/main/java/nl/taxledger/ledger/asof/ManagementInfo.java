package nl.taxledger.ledger.asof;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.OfDebtor;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.ledger.journal.JournalEntry;

/**
 * Management information (DVO 5.4, domain.md §7): counts and amounts per calendar month of the
 * effective date, and the position at the reference date (period "peildatum"): active
 * arrangements, debtors with a direct debit, suspense, and open assessments within the payment
 * term, under direct debit, or past the term. Only counted facts reach this class.
 * <p>
 * What is about one debtor (its assessments, arrangements, mandates, open amounts) is kept in a {@link Debtor} while
 * that debtor is folded and added to the totals here when it is settled, so memory does not grow with the
 * assessments (issue 14). Suspense is the one position kept across debtors: a payment enters it outside any debtor
 * and leaves it in a debtor's account, so its moves are replayed in global order ({@code position}) at the end.
 */
public final class ManagementInfo {
    static final String AT_REFERENCE_DATE = "peildatum";

    /** One figure: a measure in a period, with a count and an amount (0 where only a count is meant). */
    public record Row(String period, String measure, long count, long amountCents) {}

    /** A payment into (amountCents) or out of (null) suspense, at its global position in the store. */
    private record SuspenseMove(long position, String paymentId, Long amountCents) {}

    private final LocalDate asOf;
    /** period|measure → [count, amount]. */
    private final Map<String, long[]> perPeriod = new TreeMap<>();

    private final List<SuspenseMove> suspenseMoves = new ArrayList<>();
    private long activeArrangements;
    private long debtorsWithMandate;
    /** [within term, under direct debit, past term] × [count, amount] of open assessments. */
    private final long[][] openItems = new long[3][2];

    ManagementInfo(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** A counted fact; {@code debtor} is the state of the debtor it is about, null for a fact of no debtor. */
    void add(long position, Object event, JournalEntry entry, Debtor debtor) {
        String period = YearMonth.from(entry.effectiveDate()).toString();
        if (event instanceof AssessmentImposed e) {
            count(
                    period,
                    "ASSESSMENTS_IMPOSED",
                    e.lines().stream().mapToLong(l -> l.amountCents()).sum());
        } else if (event instanceof CostsCharged e) {
            String kind = e.kind().toUpperCase(Locale.ROOT);
            count(
                    period,
                    kind.contains("AANMANING")
                            ? "DEMAND_NOTICES"
                            : kind.contains("DWANGBEVEL") ? "WARRANTS" : "OTHER_COSTS",
                    e.amountCents());
        } else if (event instanceof PaymentArrangementAgreed e) {
            count(period, "ARRANGEMENTS_BOOKED", 0);
            own(debtor, e).activeArrangements.add(e.arrangementId());
        } else if (event instanceof PaymentArrangementEnded e) {
            count(period, "ARRANGEMENTS_ENDED_" + e.outcome().name(), 0);
            own(debtor, e).activeArrangements.remove(e.arrangementId());
        } else if (event instanceof DirectDebitMandateRegistered e) {
            count(period, "DIRECT_DEBIT_MANDATES_REGISTERED", 0);
            Debtor owner = own(debtor, e);
            owner.activeMandates.add(e.mandateId());
            // a new mandate covers every open assessment again (§10), also what fell due before it
            owner.fellDue.clear();
        } else if (event instanceof DirectDebitMandateEnded e) {
            count(period, "DIRECT_DEBIT_MANDATES_ENDED", 0);
            own(debtor, e).activeMandates.remove(e.mandateId());
        } else if (event instanceof DirectDebitDebtFellDue e) {
            count(
                    period,
                    "DIRECT_DEBIT_DEBT_FELL_DUE",
                    e.assessments().stream().mapToLong(a -> a.openCents()).sum());
            Debtor dueOwner = own(debtor, e);
            e.assessments().forEach(a -> dueOwner.fellDue.put(a.assessmentId(), e.date()));
        } else {
            addMoney(position, event, period);
        }
    }

    /** The facts of money that are counted per period alone, and the moves of suspense. */
    private void addMoney(long position, Object event, String period) {
        if (event instanceof RemissionGranted e) {
            count(period, "REMISSIONS", e.amountCents());
        } else if (event instanceof PaymentReversed e) {
            count(period, "STORNOS", e.amountCents());
        } else if (event instanceof UnmatchedPaymentReversed e) {
            count(period, "STORNOS", e.amountCents());
            suspenseMoves.add(new SuspenseMove(position, e.paymentId(), null));
        } else if (event instanceof PaymentUnmatched e) {
            count(period, "UNMATCHED_PAYMENTS", e.amountCents());
            suspenseMoves.add(new SuspenseMove(position, e.paymentId(), e.amountCents()));
        } else if (event instanceof nl.taxledger.ledger.api.RemittanceIssued e) {
            count(period, "REMITTANCES", e.amountCents());
        } else if (event instanceof PaymentReceived e) {
            if (e.fromSuspense()) {
                // already counted as an unmatched payment when it came in: it leaves suspense, it is no new payment
                suspenseMoves.add(new SuspenseMove(position, e.paymentId(), null));
            } else {
                count(period, "PAYMENTS", e.amountCents());
            }
        }
    }

    /** The state of the debtor a fact is about: a debtor's fact must be folded with its debtor. */
    private static Debtor own(Debtor debtor, OfDebtor fact) {
        if (debtor == null || !debtor.debtorId.equals(fact.debtorId())) {
            throw new IllegalStateException("as-of: " + fact.getClass().getSimpleName() + " of debtor "
                    + fact.debtorId() + " folded outside that debtor's state");
        }
        return debtor;
    }

    private void count(String period, String measure, long amountCents) {
        long[] figure = perPeriod.computeIfAbsent(period + "|" + measure, k -> new long[2]);
        figure[0]++;
        figure[1] = Math.addExact(figure[1], amountCents);
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        perPeriod.forEach((key, figure) -> {
            int bar = key.indexOf('|');
            rows.add(new Row(key.substring(0, bar), key.substring(bar + 1), figure[0], figure[1]));
        });
        rows.add(new Row(AT_REFERENCE_DATE, "ARRANGEMENTS_ACTIVE", activeArrangements, 0));
        rows.add(new Row(AT_REFERENCE_DATE, "DEBTORS_WITH_DIRECT_DEBIT", debtorsWithMandate, 0));
        Map<String, Long> inSuspense = inSuspense();
        rows.add(new Row(
                AT_REFERENCE_DATE,
                "SUSPENSE_OPEN",
                inSuspense.size(),
                inSuspense.values().stream().mapToLong(Long::longValue).sum()));
        rows.add(new Row(AT_REFERENCE_DATE, "OPEN_WITHIN_TERM", openItems[0][0], openItems[0][1]));
        rows.add(new Row(AT_REFERENCE_DATE, "OPEN_UNDER_DIRECT_DEBIT", openItems[1][0], openItems[1][1]));
        rows.add(new Row(AT_REFERENCE_DATE, "OPEN_PAST_TERM", openItems[2][0], openItems[2][1]));
        return rows;
    }

    /** paymentId → cents of payments still in suspense: the moves replayed in the order they were stored. */
    private Map<String, Long> inSuspense() {
        List<SuspenseMove> moves = new ArrayList<>(suspenseMoves);
        moves.sort(Comparator.comparingLong(SuspenseMove::position));
        Map<String, Long> open = new HashMap<>();
        for (SuspenseMove move : moves) {
            if (move.amountCents() == null) {
                open.remove(move.paymentId());
            } else {
                open.put(move.paymentId(), move.amountCents());
            }
        }
        return open;
    }

    /** What the management information keeps of one debtor while it is folded. */
    static final class Debtor {
        private final String debtorId;
        private final Map<String, AssessmentImposed> assessments = new HashMap<>();
        /** assessmentId → open cents over all components. */
        private final Map<String, Long> openPerAssessment = new HashMap<>();
        /** Arrangements not ended: an arrangement id is unique only within its debtor. */
        private final Set<String> activeArrangements = new HashSet<>();
        /** Mandates not ended: a mandate id is unique only within its debtor. */
        private final Set<String> activeMandates = new HashSet<>();
        /** assessmentId → the day its remaining debt fell due (domain.md §10), since the last mandate registered. */
        private final Map<String, LocalDate> fellDue = new HashMap<>();

        Debtor(String debtorId) {
            this.debtorId = Objects.requireNonNull(debtorId);
        }

        void register(AssessmentImposed imposed) {
            assessments.put(imposed.assessmentId(), imposed);
        }

        void open(String assessmentId, long deltaCents) {
            openPerAssessment.merge(assessmentId, deltaCents, Math::addExact);
        }
    }

    /**
     * Adds a folded debtor to the positions at the reference date. Open assessments by collection state: an
     * assessment whose debt fell due (its mandate ended, or its last term failed while the mandate goes on) is past
     * the term from that day, unless a mandate was registered after it (only facts effective by the reference date
     * get here); else the debtor's active mandate puts it under direct debit; else its own due date decides.
     */
    void settle(Debtor debtor) {
        activeArrangements += debtor.activeArrangements.size();
        boolean withMandate = !debtor.activeMandates.isEmpty();
        if (withMandate) {
            debtorsWithMandate++;
        }
        debtor.openPerAssessment.forEach((assessmentId, openCents) -> {
            if (openCents <= 0) {
                return;
            }
            AssessmentImposed a = debtor.assessments.get(assessmentId);
            int state = debtor.fellDue.containsKey(assessmentId)
                    ? 2
                    : withMandate ? 1 : asOf != null && !a.dueDate().isBefore(asOf) ? 0 : 2;
            openItems[state][0]++;
            openItems[state][1] += openCents;
        });
    }
}
