package nl.taxledger.service.health;

import nl.taxledger.service.hashchain.LedgerChain;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Health component {@code hashChain}: DOWN when the ledger chain has stopped, that is when one of its triggers is
 * missing or disabled, or the newest event has no link ({@link LedgerChain#status()}). The links are written in the
 * appending transaction itself (V70), so there is no lag to wait out: an unchained event is a stop at once. Read
 * from the tables alone, so it says the same whichever instance (or tool) appended.
 */
@Component
@Profile("!axonserver")
class HashChainHealthIndicator implements HealthIndicator {
    private final LedgerChain chain;

    HashChainHealthIndicator(LedgerChain chain) {
        this.chain = chain;
    }

    @Override
    public Health health() {
        LedgerChain.Status status = chain.status();
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
