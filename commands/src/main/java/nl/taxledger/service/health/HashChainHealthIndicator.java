package nl.taxledger.service.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health component {@code hashChain}: DOWN when the hash chain has stopped, that is when a stored event has stayed
 * without its link longer than {@code ledger.health.chain-stalled-after} (default 35 minutes). The chain may
 * rightly wait behind a missing global index for the gap timeout (30 minutes, {@code HashChainer}), so a shorter
 * wait is not yet a stop. Read from the tables alone: it says the same whichever instance (or tool) chains.
 */
@Component
@Profile("!axonserver")
class HashChainHealthIndicator implements HealthIndicator {
    private final JdbcTemplate jdbc;
    private final Duration stalledAfter;

    HashChainHealthIndicator(
            JdbcTemplate jdbc, @Value("${ledger.health.chain-stalled-after:35m}") Duration stalledAfter) {
        this.jdbc = jdbc;
        this.stalledAfter = stalledAfter;
    }

    @Override
    public Health health() {
        return health(Instant.now().minus(stalledAfter));
    }

    /** DOWN when the oldest event without a link was stored before {@code stalledBefore}. */
    Health health(Instant stalledBefore) {
        List<Object[]> oldest = jdbc.query(
                "SELECT e.globalindex, e.timestamp FROM domainevententry e"
                        + " WHERE e.globalindex > (SELECT coalesce(max(global_index), 0) FROM event_hash_chain)"
                        + " ORDER BY e.globalindex LIMIT 1",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2)});
        if (oldest.isEmpty() || !Instant.parse((String) oldest.get(0)[1]).isBefore(stalledBefore)) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("stoppedBefore", oldest.get(0)[0])
                .withDetail("unchainedSince", oldest.get(0)[1])
                .build();
    }
}
