package nl.taxledger.ledger.api;

/** An amount on one claim item of an assessment (a cost item, interest item or line). */
public record ClaimAmount(Component component, String itemId, long amountCents) {
}
