package nl.taxledger.ledger.properties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;

/**
 * A read model built the way the projections build theirs: by adding up the amounts the
 * events carry, never by running a rule. The properties compare it with the aggregate.
 */
final class ReadModelFold {
    /** assessmentId|component|itemId → open cents. */
    final Map<String, Long> openCents = new TreeMap<>();
    /** participant|taxType|taxYear → the reconciliation columns. */
    final Map<String, long[]> cells = new TreeMap<>();
    final Map<String, String> cellOfLine = new HashMap<>();
    long creditCents;
    long moneyInCents;
    long allocatedCents;

    static final int IMPOSED = 0, VERMINDERING = 1, ONTHEFFING = 2, VERNIETIGING = 3, REMISSIONS = 4,
            UNCOLLECTIBLE = 5, RECEIVED = 6;

    static String key(String assessmentId, Component component, String itemId) {
        return assessmentId + "|" + component + "|" + itemId;
    }

    void apply(Object event) {
        if (event instanceof AssessmentImposed e) {
            e.lines().forEach(line -> impose(e.assessmentId(), line));
        } else if (event instanceof CostsCharged e) {
            openCents.put(key(e.assessmentId(), Component.COSTS, e.costId()), e.amountCents());
        } else if (event instanceof InterestCharged e) {
            openCents.put(key(e.assessmentId(), Component.INTEREST, e.interestId()), e.amountCents());
        } else if (event instanceof PaymentReceived e) {
            moneyInCents += e.fromSuspense() ? 0 : e.amountCents();
            allocate(e.allocations(), 1);
            creditCents += e.creditCents() + e.negativeCreditSettledCents();
        } else if (event instanceof CreditOffset e) {
            allocate(e.allocations(), 1);
            creditCents -= e.amountCents();
        } else if (event instanceof PaymentReversed e) {
            moneyInCents -= e.amountCents();
            allocate(e.takenBack(), -1);
            creditCents -= e.ownCreditTakenCents() + sum(e.otherCreditTaken()) + e.negativeCreditAddedCents();
        } else if (event instanceof RefundPaid e) {
            moneyInCents -= e.amountCents();
            creditCents -= e.amountCents();
        } else if (event instanceof AssessmentReduced e) {
            reduce(e);
        } else if (event instanceof CostsCancelled e) {
            cancel(key(e.assessmentId(), Component.COSTS, e.costId()), e.openCancelledCents(), e.takenBack());
        } else if (event instanceof InterestCancelled e) {
            cancel(key(e.assessmentId(), Component.INTEREST, e.interestId()), e.openCancelledCents(), e.takenBack());
        } else if (event instanceof RemissionGranted e) {
            e.items().forEach(item -> remit(e.assessmentId(), item));
        } else if (event instanceof WrittenOffAsUncollectible e) {
            writeOff(e.assessmentId(), e.lineId(), e.amountCents());
        } else if (event instanceof UncollectibleReinstated e) {
            writeOff(e.assessmentId(), e.lineId(), -e.amountCents());
        }
    }

    private void impose(String assessmentId, LineSpec line) {
        openCents.put(key(assessmentId, Component.PRINCIPAL, line.lineId()), line.amountCents());
        String cell = line.participantId() + "|" + line.taxType() + "|" + line.taxYear();
        cellOfLine.put(assessmentId + "|" + line.lineId(), cell);
        cells.computeIfAbsent(cell, c -> new long[7])[IMPOSED] += line.amountCents();
    }

    private void allocate(List<Allocation> allocations, int sign) {
        for (Allocation a : allocations) {
            openCents.merge(key(a.assessmentId(), a.component(), a.itemId()), -sign * a.amountCents(), Long::sum);
            allocatedCents += sign * a.amountCents();
            if (a.component() == Component.PRINCIPAL) {
                cell(a.assessmentId(), a.itemId())[RECEIVED] += sign * a.amountCents();
            }
        }
    }

    private void reduce(AssessmentReduced e) {
        openCents.merge(key(e.assessmentId(), Component.PRINCIPAL, e.lineId()), -e.openReducedCents(), Long::sum);
        int column = e.kind() == ReductionKind.VERMINDERING ? VERMINDERING : e.kind() == ReductionKind.ONTHEFFING ? ONTHEFFING : VERNIETIGING;
        cell(e.assessmentId(), e.lineId())[column] += e.amountCents();
        for (Allocation a : e.takenBack()) {
            cell(a.assessmentId(), a.itemId())[RECEIVED] -= a.amountCents();
            allocatedCents -= a.amountCents();
            creditCents += a.amountCents();
        }
    }

    private void cancel(String key, long openCancelledCents, List<Allocation> takenBack) {
        openCents.merge(key, -openCancelledCents, Long::sum);
        for (Allocation a : takenBack) {
            allocatedCents -= a.amountCents();
            creditCents += a.amountCents();
        }
    }

    private void remit(String assessmentId, ClaimAmount item) {
        openCents.merge(key(assessmentId, item.component(), item.itemId()), -item.amountCents(), Long::sum);
        if (item.component() == Component.PRINCIPAL) {
            cell(assessmentId, item.itemId())[REMISSIONS] += item.amountCents();
        }
    }

    private void writeOff(String assessmentId, String lineId, long cents) {
        openCents.merge(key(assessmentId, Component.PRINCIPAL, lineId), -cents, Long::sum);
        cell(assessmentId, lineId)[UNCOLLECTIBLE] += cents;
    }

    private long[] cell(String assessmentId, String lineId) {
        return cells.get(cellOfLine.get(assessmentId + "|" + lineId));
    }

    static long outstanding(long[] c) {
        return c[IMPOSED] - c[VERMINDERING] - c[ONTHEFFING] - c[VERNIETIGING] - c[REMISSIONS] - c[UNCOLLECTIBLE] - c[RECEIVED];
    }

    private static long sum(List<PaymentAmount> amounts) {
        return amounts.stream().mapToLong(PaymentAmount::amountCents).sum();
    }
}
