package nl.taxledger.ledger.allocation;

import nl.taxledger.ledger.api.Component;

/** An amount the allocation rule puts on one claim item of one assessment. */
public record Share(String assessmentId, Component component, String itemId, long amountCents) {
}
