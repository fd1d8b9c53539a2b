package nl.taxledger.ledger.api;

/**
 * An amount of one payment's money on one claim item: a cost item, an interest item or a line.
 * {@code itemId} is the costId, interestId or lineId. Positive when money goes onto the item,
 * and in take-backs (storno, reduction, cancellation) the positive amount taken off it.
 */
public record Allocation(String assessmentId, Component component, String itemId, String paymentId,
                         long amountCents) {
}
