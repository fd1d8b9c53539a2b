package nl.taxledger.ledger.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import nl.taxledger.ledger.api.PaymentAmount;

/**
 * A debtor's credit (tegoed), held per payment so that allocations follow the money, or a
 * negative balance the debtor owes. Never both: {@link #checkInvariant()}.
 */
final class Credit {
    private final Map<String, Long> heldCents = new LinkedHashMap<>();
    private long owedCents;

    long balanceCents() {
        return positiveCents() - owedCents;
    }

    long positiveCents() {
        long total = 0;
        for (long cents : heldCents.values()) {
            total += cents;
        }
        return total;
    }

    long owedCents() {
        return owedCents;
    }

    long heldBy(String paymentId) {
        return heldCents.getOrDefault(paymentId, 0L);
    }

    /** Money that becomes credit of a payment first pays off what the debtor owes. */
    void add(String paymentId, long cents) {
        if (cents < 0) {
            throw new IllegalStateException("credit to add must not be negative: " + cents);
        }
        long settleCents = Math.min(owedCents, cents);
        owedCents -= settleCents;
        if (cents > settleCents) {
            heldCents.merge(paymentId, cents - settleCents, Long::sum);
        }
        checkInvariant();
    }

    void take(String paymentId, long cents) {
        long held = heldBy(paymentId);
        if (cents < 0 || cents > held) {
            throw new IllegalStateException("payment " + paymentId + " holds credit " + held + ", cannot take " + cents);
        }
        if (cents == held) {
            heldCents.remove(paymentId);
        } else {
            heldCents.put(paymentId, held - cents);
        }
    }

    void settleOwed(long cents) {
        if (cents < 0 || cents > owedCents) {
            throw new IllegalStateException("cannot settle " + cents + " of owed " + owedCents);
        }
        owedCents -= cents;
    }

    void addOwed(long cents) {
        if (cents < 0) {
            throw new IllegalStateException("owed amount must not be negative: " + cents);
        }
        owedCents += cents;
        checkInvariant();
    }

    /** Decides which payments' credit pays {@code cents}: newest payment first. */
    List<PaymentAmount> spendNewestFirst(long cents, ToLongFunction<String> paymentOrder, String exceptPaymentId) {
        List<String> newestFirst = new ArrayList<>(heldCents.keySet());
        newestFirst.remove(exceptPaymentId);
        newestFirst.sort(Comparator.comparingLong(paymentOrder).reversed());
        List<PaymentAmount> spent = new ArrayList<>();
        long leftCents = cents;
        for (String paymentId : newestFirst) {
            if (leftCents == 0) {
                break;
            }
            long takeCents = Math.min(leftCents, heldBy(paymentId));
            spent.add(new PaymentAmount(paymentId, takeCents));
            leftCents -= takeCents;
        }
        return spent;
    }

    void checkInvariant() {
        if (owedCents < 0 || (owedCents > 0 && !heldCents.isEmpty())) {
            throw new IllegalStateException("credit is both positive " + heldCents + " and owed " + owedCents);
        }
    }
}
