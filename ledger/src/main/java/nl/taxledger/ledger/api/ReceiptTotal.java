package nl.taxledger.ledger.api;

/**
 * Cumulative receipts of one participant in one tax type and tax year: principal allocated to its lines minus
 * principal taken back, summed over every booking up to a cut-off date.
 */
public record ReceiptTotal(String taxType, int taxYear, long cumulativeReceiptsCents) {
}
