package nl.taxledger.ledger.remittance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.RemittanceLine;

/**
 * What a participant's issued remittances covered so far, folded from their frozen lines: the next remittance
 * pays cumulative receipts minus these, which is how late bookings roll into it without restating anything.
 */
public final class CoveredSoFar {
    private final Map<TaxKey, Long> receiptsCents = new HashMap<>();
    private final Map<TaxKey, Long> reserveHeldCents = new HashMap<>();
    private long carriedForwardCents;

    public RemittanceCalculator.Covered covered() {
        return new RemittanceCalculator.Covered(Map.copyOf(receiptsCents), Map.copyOf(reserveHeldCents), carriedForwardCents);
    }

    public void add(List<RemittanceLine> lines, long carriedForwardOutCents) {
        for (RemittanceLine line : lines) {
            TaxKey key = new TaxKey(line.taxType(), line.taxYear());
            receiptsCents.merge(key, line.receiptsCents(), Math::addExact);
            reserveHeldCents.put(key, line.reserveHeldAfterCents());
        }
        carriedForwardCents = carriedForwardOutCents;
    }
}
