package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.api.LedgerRejection.found;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.taxledger.ledger.allocation.Art7Allocation;
import nl.taxledger.ledger.allocation.OpenAssessment;
import nl.taxledger.ledger.allocation.Share;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PaymentAmount;

/**
 * The money state of one debtor's account and the decisions on it. Decisions read the state and
 * return what should happen (stored in events); {@code record*} methods change the state and are
 * only called from event-sourcing handlers.
 */
final class AccountState {
    private final Map<String, Assessment> assessments = new LinkedHashMap<>();
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    final Credit credit = new Credit();
    private long paymentsBooked;

    /** A payment booked on this account; {@code order} defines "newest" (booked last). */
    static final class Payment {
        final long amountCents;
        final long order;
        final String channel;
        boolean reversed;

        Payment(long amountCents, long order, String channel) {
            this.amountCents = amountCents;
            this.order = order;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Payment that && amountCents == that.amountCents && order == that.order
                    && java.util.Objects.equals(channel, that.channel) && reversed == that.reversed;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(order);
        }
    }

    /** The outcome of settling an amount: shares on claims, what settled owed credit, the rest. */
    record Settlement(List<Share> shares, long owedSettledCents, long restCents) {
    }

    // ---- lookups -------------------------------------------------------------------------

    boolean hasAssessment(String assessmentId) {
        return assessments.containsKey(assessmentId);
    }

    Assessment assessment(String assessmentId) {
        return found(assessments.get(assessmentId), ErrorCode.UNKNOWN_ASSESSMENT,
                "no assessment " + assessmentId + " for this debtor");
    }

    ClaimItem line(String assessmentId, String lineId) {
        return found(assessment(assessmentId).item(Component.PRINCIPAL, lineId), ErrorCode.UNKNOWN_LINE,
                "no line " + lineId + " on assessment " + assessmentId);
    }

    boolean hasPayment(String paymentId) {
        return payments.containsKey(paymentId);
    }

    Payment payment(String paymentId) {
        return found(payments.get(paymentId), ErrorCode.UNKNOWN_PAYMENT, "no payment " + paymentId + " for this debtor");
    }

    long paymentOrder(String paymentId) {
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new IllegalStateException("allocation record of unknown payment " + paymentId);
        }
        return payment.order;
    }

    Map<String, Assessment> assessments() {
        return assessments;
    }

    // ---- decisions ------------------------------------------------------------------------

    /**
     * Art. 7 over the whole account: the directed assessment (if any) first, then what the
     * debtor owes as negative credit, then the other assessments oldest first. A bestuurlijke boete
     * for which {@code underDeferral} holds is settled after the assessment it belongs to (Leidraad
     * 4.5), also when the payment is directed at the fine: that assessment is settled first.
     */
    Settlement settle(long amountCents, String directedAssessmentId, boolean settleOwed,
                      Predicate<String> underDeferral) {
        Map<String, String> assessmentOfDeferredFine = new HashMap<>();
        for (Assessment assessment : assessments.values()) {
            if (assessment.kind == AssessmentKind.BESTUURLIJKE_BOETE && underDeferral.test(assessment.assessmentId)) {
                assessmentOfDeferredFine.put(assessment.assessmentId, assessment.belongsToAssessmentId);
            }
        }
        List<Share> shares = new ArrayList<>();
        long restCents = amountCents;
        Set<String> directedIds = new HashSet<>();
        if (directedAssessmentId != null) {
            directedIds.add(assessment(directedAssessmentId).assessmentId);
            if (assessmentOfDeferredFine.containsKey(directedAssessmentId)) {
                directedIds.add(assessmentOfDeferredFine.get(directedAssessmentId));
            }
            List<OpenAssessment> directed = Art7Allocation.deferredFinesAfterTheirAssessment(
                    openInOrder(id -> directedIds.contains(id)), assessmentOfDeferredFine);
            Art7Allocation.Result settled = Art7Allocation.allocate(restCents, directed);
            shares.addAll(settled.shares());
            restCents = settled.restCents();
        }
        long owedSettledCents = settleOwed ? Math.min(restCents, credit.owedCents()) : 0;
        restCents -= owedSettledCents;
        List<OpenAssessment> othersInOrder = Art7Allocation.deferredFinesAfterTheirAssessment(
                openInOrder(id -> !directedIds.contains(id)), assessmentOfDeferredFine);
        Art7Allocation.Result others = Art7Allocation.allocate(restCents, othersInOrder);
        shares.addAll(others.shares());
        return new Settlement(List.copyOf(shares), owedSettledCents, others.restCents());
    }

    /** The open assessments that {@code included} accepts, oldest first. */
    private List<OpenAssessment> openInOrder(Predicate<String> included) {
        List<OpenAssessment> open = new ArrayList<>();
        for (Assessment assessment : assessments.values()) {
            OpenAssessment candidate = assessment.open();
            if (included.test(assessment.assessmentId) && candidate.openCents() > 0) {
                open.add(candidate);
            }
        }
        open.sort(OpenAssessment.OLDEST_FIRST);
        return open;
    }

    /** Everything a payment still holds on claim items, item by item. */
    List<Allocation> holdingsOf(String paymentId) {
        List<Allocation> held = new ArrayList<>();
        for (Assessment assessment : assessments.values()) {
            for (ClaimItem item : assessment.allItems()) {
                long cents = item.heldBy(paymentId);
                if (cents > 0) {
                    held.add(new Allocation(item.assessmentId, item.component, item.itemId, paymentId, cents));
                }
            }
        }
        return held;
    }

    /** Pairs set-off shares with the credit that pays them, in order, splitting where needed. */
    static List<Allocation> payFromCredit(List<Share> shares, List<PaymentAmount> creditSpent) {
        List<Allocation> allocations = new ArrayList<>();
        int chunk = 0;
        long chunkLeftCents = creditSpent.isEmpty() ? 0 : creditSpent.get(0).amountCents();
        for (Share share : shares) {
            long shareLeftCents = share.amountCents();
            while (shareLeftCents > 0) {
                if (chunkLeftCents == 0) {
                    chunk++;
                    chunkLeftCents = creditSpent.get(chunk).amountCents();
                }
                long cents = Math.min(shareLeftCents, chunkLeftCents);
                allocations.add(new Allocation(share.assessmentId(), share.component(), share.itemId(),
                        creditSpent.get(chunk).paymentId(), cents));
                shareLeftCents -= cents;
                chunkLeftCents -= cents;
            }
        }
        return allocations;
    }

    // ---- state changes (event-sourcing handlers only) --------------------------------------

    void recordAssessment(Assessment assessment) {
        if (assessments.putIfAbsent(assessment.assessmentId, assessment) != null) {
            throw new IllegalStateException("assessment imposed twice: " + assessment.assessmentId);
        }
    }

    void recordPayment(String paymentId, long amountCents, String channel) {
        if (payments.putIfAbsent(paymentId, new Payment(amountCents, ++paymentsBooked, channel)) != null) {
            throw new IllegalStateException("payment booked twice: " + paymentId);
        }
    }

    void recordAllocations(List<Allocation> allocations) {
        for (Allocation allocation : allocations) {
            assessment(allocation.assessmentId()).existingItem(allocation.component(), allocation.itemId())
                    .hold(allocation.paymentId(), allocation.amountCents());
        }
    }

    /** Takes allocations off their items; with {@code toCredit} they become credit of the same payments. */
    void recordTakeBacks(List<Allocation> takenBack, boolean toCredit) {
        for (Allocation allocation : takenBack) {
            assessment(allocation.assessmentId()).existingItem(allocation.component(), allocation.itemId())
                    .release(allocation.paymentId(), allocation.amountCents());
            if (toCredit) {
                credit.add(allocation.paymentId(), allocation.amountCents());
            }
        }
    }

    void recordCreditSpent(List<PaymentAmount> spent) {
        for (PaymentAmount amount : spent) {
            credit.take(amount.paymentId(), amount.amountCents());
        }
    }

    /** A ledger that is wrong must stop: every payment holds at most its own amount. */
    void checkPaymentInvariant(String paymentId) {
        Payment payment = payments.get(paymentId);
        long heldCents = credit.heldBy(paymentId);
        for (Allocation allocation : holdingsOf(paymentId)) {
            heldCents += allocation.amountCents();
        }
        if (payment == null || heldCents > payment.amountCents || (payment.reversed && heldCents != 0)) {
            throw new IllegalStateException("payment " + paymentId + " holds " + heldCents + " which its amount does not cover");
        }
    }
}
