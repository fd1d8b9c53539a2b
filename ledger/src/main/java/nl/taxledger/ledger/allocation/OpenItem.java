package nl.taxledger.ledger.allocation;

import nl.taxledger.ledger.api.Component;

/** What is still open on one claim item (cost item, interest item or line). */
public record OpenItem(Component component, String itemId, long openCents) {
    public OpenItem {
        if (openCents < 0) {
            throw new IllegalStateException("negative open amount on " + itemId + ": " + openCents);
        }
    }
}
