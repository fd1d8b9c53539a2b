package nl.taxledger.service.health;

import nl.taxledger.service.hashchain.ChainAnchors;
import nl.taxledger.service.hashchain.LedgerChain;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Health component {@code hashChain}: DOWN when the ledger chain has stopped, that is when one of its triggers is
 * missing or disabled, or the newest event has no link ({@link LedgerChain#status()}). The links are written in the
 * appending transaction itself (V70), so there is no lag to wait out: an unchained event is a stop at once. Read
 * from the tables alone, so it says the same whichever instance (or tool) appended. Also DOWN while this instance
 * failed to write a chain anchor and has written none since ({@link ChainAnchors#unwritten()}).
 */
@Component
@Profile("!axonserver")
class HashChainHealthIndicator implements HealthIndicator {
    private final LedgerChain chain;
    private final ChainAnchors anchors;

    HashChainHealthIndicator(LedgerChain chain, ChainAnchors anchors) {
        this.chain = chain;
        this.anchors = anchors;
    }

    @Override
    public Health health() {
        LedgerChain.Status status = chain.status();
        if (status.chaining() && anchors.unwritten().isPresent()) {
            return Health.down()
                    .withDetail("problem", anchors.unwritten().get())
                    .withDetail("headPosition", status.head().position())
                    .build();
        }
        if (status.chaining()) {
            return Health.up()
                    .withDetail("headPosition", status.head().position())
                    .build();
        }
        return Health.down()
                .withDetail("problem", status.problem())
                .withDetail("headPosition", status.head().position())
                .build();
    }
}
