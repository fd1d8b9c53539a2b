package nl.taxledger.ledger.allocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allocation rule of art. 7 Invorderingswet (Leidraad 4.4): within an assessment costs
 * (oldest first), then interest (oldest first), then principal pro rata over the lines' open
 * principal, cents by largest remainder with ties to the earlier line. Across assessments the
 * caller decides the order (directed first, then oldest first, a fine under deferral after the
 * assessment it belongs to: {@link #deferredFinesAfterTheirAssessment}).
 *
 * <p>Pure and deterministic: it is run once, in the command handler, and its result is stored in
 * the event. Replays never run it again.
 */
public final class Art7Allocation {
    private Art7Allocation() {
    }

    /** What was put on claims and what is left over. */
    public record Result(List<Share> shares, long restCents) {
        public long allocatedCents() {
            long total = 0;
            for (Share share : shares) {
                total += share.amountCents();
            }
            return total;
        }
    }

    /** Settles {@code amountCents} over the assessments in the given order. */
    public static Result allocate(long amountCents, List<OpenAssessment> inOrder) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
        List<Share> shares = new ArrayList<>();
        long restCents = amountCents;
        for (OpenAssessment assessment : inOrder) {
            if (restCents == 0) {
                break;
            }
            restCents = settleOne(assessment, restCents, shares);
        }
        Result result = new Result(List.copyOf(shares), restCents);
        if (result.allocatedCents() + restCents != amountCents) {
            throw new IllegalStateException("allocation does not add up to " + amountCents + ": " + result);
        }
        return result;
    }

    /**
     * Leidraad 4.5: a bestuurlijke boete under deferral is settled after the assessment it belongs to. Moves every
     * such fine ({@code assessmentOfDeferredFine}: fine id → id of its assessment) to just after that assessment,
     * fines of one assessment keeping their order; a fine whose assessment is not in the list keeps its place.
     */
    public static List<OpenAssessment> deferredFinesAfterTheirAssessment(List<OpenAssessment> inOrder,
                                                                         Map<String, String> assessmentOfDeferredFine) {
        Set<String> present = new HashSet<>();
        inOrder.forEach(a -> present.add(a.assessmentId()));
        List<OpenAssessment> reordered = new ArrayList<>();
        List<OpenAssessment> moved = new ArrayList<>();
        for (OpenAssessment assessment : inOrder) {
            String belongsTo = assessmentOfDeferredFine.get(assessment.assessmentId());
            (belongsTo != null && present.contains(belongsTo) ? moved : reordered).add(assessment);
        }
        for (OpenAssessment fine : moved) {
            String belongsTo = assessmentOfDeferredFine.get(fine.assessmentId());
            int at = 0;
            while (!reordered.get(at).assessmentId().equals(belongsTo)) {
                at++;
            }
            at++;
            while (at < reordered.size()
                    && belongsTo.equals(assessmentOfDeferredFine.get(reordered.get(at).assessmentId()))) {
                at++; // after the fines of the same assessment moved before it
            }
            reordered.add(at, fine);
        }
        return reordered;
    }

    private static long settleOne(OpenAssessment assessment, long amountCents, List<Share> shares) {
        long restCents = settleInOrder(assessment.assessmentId(), assessment.costs(), amountCents, shares);
        restCents = settleInOrder(assessment.assessmentId(), assessment.interest(), restCents, shares);
        return settleProRata(assessment.assessmentId(), assessment.lines(), restCents, shares);
    }

    private static long settleInOrder(String assessmentId, List<OpenItem> items, long amountCents, List<Share> shares) {
        long restCents = amountCents;
        for (OpenItem item : items) {
            long paidCents = Math.min(restCents, item.openCents());
            if (paidCents > 0) {
                shares.add(new Share(assessmentId, item.component(), item.itemId(), paidCents));
                restCents -= paidCents;
            }
        }
        return restCents;
    }

    private static long settleProRata(String assessmentId, List<OpenItem> lines, long amountCents, List<Share> shares) {
        long openCents = OpenAssessment.sum(lines);
        long toPrincipalCents = Math.min(amountCents, openCents);
        if (toPrincipalCents == 0) {
            return amountCents;
        }
        long[] opens = new long[lines.size()];
        for (int i = 0; i < opens.length; i++) {
            opens[i] = lines.get(i).openCents();
        }
        long[] parts = proRata(toPrincipalCents, opens);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                OpenItem line = lines.get(i);
                shares.add(new Share(assessmentId, line.component(), line.itemId(), parts[i]));
            }
        }
        return amountCents - toPrincipalCents;
    }

    /**
     * Splits {@code amountCents} (at most the sum of {@code weights}) in proportion to the
     * weights. Every part is first rounded down; the cents left go one each to the largest
     * remainders, and equal remainders to the earlier index. No part exceeds its weight.
     */
    public static long[] proRata(long amountCents, long[] weights) {
        long totalWeight = 0;
        for (long weight : weights) {
            totalWeight = Math.addExact(totalWeight, weight);
        }
        if (amountCents < 0 || amountCents > totalWeight) {
            throw new IllegalArgumentException(amountCents + " cannot be split over " + totalWeight);
        }
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long givenCents = 0;
        BigInteger total = BigInteger.valueOf(totalWeight);
        for (int i = 0; i < weights.length; i++) {
            // BigInteger: amount × weight overflows a long for amounts above ~30 million euro.
            BigInteger[] qr = BigInteger.valueOf(amountCents).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            givenCents += parts[i];
        }
        long leftCents = amountCents - givenCents;
        if (leftCents < 0 || leftCents > weights.length) {
            throw new IllegalStateException("largest remainder left " + leftCents + " cents for " + weights.length + " parts");
        }
        for (long c = 0; c < leftCents; c++) {
            parts[indexOfLargestRemainder(remainders)]++;
        }
        return parts;
    }

    private static int indexOfLargestRemainder(long[] remainders) {
        int best = 0;
        for (int i = 1; i < remainders.length; i++) {
            if (remainders[i] > remainders[best]) {
                best = i; // strictly greater: equal remainders stay with the earlier line
            }
        }
        remainders[best] = -1; // each part gets at most one extra cent
        return best;
    }
}
