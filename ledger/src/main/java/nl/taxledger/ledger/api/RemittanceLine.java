package nl.taxledger.ledger.api;

/**
 * One tax type and tax year of a remittance. {@code reserveWithheldCents} is held after − held before while the
 * tax year is in the reserve window; {@code reserveReleasedCents} is what was held when the year left it.
 */
public record RemittanceLine(String taxType, int taxYear, long receiptsCents, long reserveHeldBeforeCents,
                             long reserveHeldAfterCents, long reserveWithheldCents, long reserveReleasedCents) {

    /** What this line contributes to the amount, before the carry-forward of the whole remittance. */
    public long payableCents() {
        return receiptsCents - reserveWithheldCents + reserveReleasedCents;
    }
}
