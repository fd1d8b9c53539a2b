package nl.taxledger.ledger.asof.oracle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.ledger.asof.ManagementInfo;
import nl.taxledger.ledger.journal.JournalEntry;

/**
 * Management information (DVO 5.4, domain.md §7): counts and amounts per calendar month of the
 * effective date, and the position at the reference date (period "peildatum"): active
 * arrangements, debtors with a direct debit, suspense, and open assessments within the payment
 * term, under direct debit, or past the term. Only counted facts reach this class.
 */
public final class OracleManagementInfo {
    static final String AT_REFERENCE_DATE = "peildatum";

    private final LocalDate asOf;
    /** period|measure → [count, amount]. */
    private final Map<String, long[]> perPeriod = new TreeMap<>();

    private final Map<String, AssessmentImposed> assessments = new HashMap<>();
    /** assessmentId → open cents over all components. */
    private final Map<String, Long> openPerAssessment = new TreeMap<>();
    /** (debtorId, arrangementId) of arrangements not ended: an arrangement id is unique only within its debtor. */
    private final Set<List<String>> activeArrangements = new HashSet<>();
    /** (debtorId, mandateId) → debtorId of mandates not ended: a mandate id is unique only within its debtor. */
    private final Map<List<String>, String> activeMandates = new HashMap<>();
    /** assessmentId → the day its remaining debt fell due when the debtor's mandate ended (domain.md §10). */
    private final Map<String, LocalDate> fellDue = new HashMap<>();
    /** paymentId → cents of payments still in suspense. */
    private final Map<String, Long> inSuspense = new TreeMap<>();

    OracleManagementInfo(LocalDate asOf) {
        this.asOf = asOf;
    }

    void register(AssessmentImposed imposed) {
        assessments.put(imposed.assessmentId(), imposed);
    }

    void open(String debtorId, String assessmentId, long deltaCents) {
        openPerAssessment.merge(assessmentId, deltaCents, Math::addExact);
    }

    void add(Object event, JournalEntry entry) {
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
            activeArrangements.add(List.of(e.debtorId(), e.arrangementId()));
        } else if (event instanceof PaymentArrangementEnded e) {
            count(period, "ARRANGEMENTS_ENDED_" + e.outcome().name(), 0);
            activeArrangements.remove(List.of(e.debtorId(), e.arrangementId()));
        } else if (event instanceof DirectDebitMandateRegistered e) {
            count(period, "DIRECT_DEBIT_MANDATES_REGISTERED", 0);
            activeMandates.put(List.of(e.debtorId(), e.mandateId()), e.debtorId());
            fellDue.keySet().removeIf(id -> assessments.get(id).debtorId().equals(e.debtorId()));
        } else if (event instanceof DirectDebitMandateEnded e) {
            count(period, "DIRECT_DEBIT_MANDATES_ENDED", 0);
            activeMandates.remove(List.of(e.debtorId(), e.mandateId()));
        } else if (event instanceof DirectDebitDebtFellDue e) {
            count(
                    period,
                    "DIRECT_DEBIT_DEBT_FELL_DUE",
                    e.assessments().stream().mapToLong(a -> a.openCents()).sum());
            e.assessments().forEach(a -> fellDue.put(a.assessmentId(), e.date()));
        } else if (event instanceof RemissionGranted e) {
            count(period, "REMISSIONS", e.amountCents());
        } else if (event instanceof PaymentReversed e) {
            count(period, "STORNOS", e.amountCents());
        } else if (event instanceof UnmatchedPaymentReversed e) {
            count(period, "STORNOS", e.amountCents());
            inSuspense.remove(e.paymentId());
        } else if (event instanceof PaymentUnmatched e) {
            count(period, "UNMATCHED_PAYMENTS", e.amountCents());
            inSuspense.put(e.paymentId(), e.amountCents());
        } else if (event instanceof nl.taxledger.ledger.api.RemittanceIssued e) {
            count(period, "REMITTANCES", e.amountCents());
        } else if (event instanceof PaymentReceived e) {
            if (e.fromSuspense()) {
                // already counted as an unmatched payment when it came in: it leaves suspense, it is no new payment
                inSuspense.remove(e.paymentId());
            } else {
                count(period, "PAYMENTS", e.amountCents());
            }
        }
    }

    private void count(String period, String measure, long amountCents) {
        long[] figure = perPeriod.computeIfAbsent(period + "|" + measure, k -> new long[2]);
        figure[0]++;
        figure[1] = Math.addExact(figure[1], amountCents);
    }

    List<ManagementInfo.Row> rows() {
        List<ManagementInfo.Row> rows = new ArrayList<>();
        perPeriod.forEach((key, figure) -> {
            int bar = key.indexOf('|');
            rows.add(new ManagementInfo.Row(key.substring(0, bar), key.substring(bar + 1), figure[0], figure[1]));
        });
        rows.add(new ManagementInfo.Row(AT_REFERENCE_DATE, "ARRANGEMENTS_ACTIVE", activeArrangements.size(), 0));
        Set<String> debtorsWithMandate = new TreeSet<>(activeMandates.values());
        rows.add(new ManagementInfo.Row(AT_REFERENCE_DATE, "DEBTORS_WITH_DIRECT_DEBIT", debtorsWithMandate.size(), 0));
        rows.add(new ManagementInfo.Row(
                AT_REFERENCE_DATE,
                "SUSPENSE_OPEN",
                inSuspense.size(),
                inSuspense.values().stream().mapToLong(Long::longValue).sum()));
        rows.addAll(openItems(debtorsWithMandate));
        return rows;
    }

    /**
     * Open assessments by collection state: a debtor's active mandate wins; else an assessment whose debt fell due
     * when a mandate ended is past the term from that day (only facts effective by the reference date get here);
     * else its own due date decides.
     */
    private List<ManagementInfo.Row> openItems(Set<String> debtorsWithMandate) {
        long[][] figures = new long[3][2];
        openPerAssessment.forEach((assessmentId, openCents) -> {
            if (openCents <= 0) {
                return;
            }
            AssessmentImposed a = assessments.get(assessmentId);
            int state = fellDue.containsKey(assessmentId)
                    ? 2
                    : debtorsWithMandate.contains(a.debtorId())
                            ? 1
                            : asOf != null && !a.dueDate().isBefore(asOf) ? 0 : 2;
            figures[state][0]++;
            figures[state][1] += openCents;
        });
        return List.of(
                new ManagementInfo.Row(AT_REFERENCE_DATE, "OPEN_WITHIN_TERM", figures[0][0], figures[0][1]),
                new ManagementInfo.Row(AT_REFERENCE_DATE, "OPEN_UNDER_DIRECT_DEBIT", figures[1][0], figures[1][1]),
                new ManagementInfo.Row(AT_REFERENCE_DATE, "OPEN_PAST_TERM", figures[2][0], figures[2][1]));
    }
}
