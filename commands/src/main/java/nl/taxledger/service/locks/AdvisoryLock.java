package nl.taxledger.service.locks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL transaction-scoped advisory locks ({@code pg_advisory_xact_lock}) named by a space and an id: they
 * hold across service instances until the transaction commits or rolls back, also when the JVM dies. The order in
 * which a transaction takes them is CommandLocks' (commandapi).
 */
public final class AdvisoryLock {
    private AdvisoryLock() {}

    /** Until this transaction ends, no other transaction holds the lock of {@code id} in {@code space}. */
    public static void lock(JdbcTemplate jdbc, String space, String id) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", key(space, id));
    }

    /** 64 bits of SHA-256 over the name space and the id: ids of any length, collisions only over-serialise. */
    public static long key(String space, String id) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((space + '\0' + id).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
