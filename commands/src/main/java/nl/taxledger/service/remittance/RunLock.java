package nl.taxledger.service.remittance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serialises writing a remittance of a week with releasing that week's payment file, until the transaction ends
 * ({@code pg_advisory_xact_lock}). Why: the release checks the approved hash of the run and then writes the file
 * from the run's rows, two statements; a remittance of that week committed between them would be paid in a file
 * recorded under a hash that did not include it, without a second pair of eyes. Taken by both as the last lock of
 * their transaction (CommandLocks' order, step 4), so it closes no circle with the command locks.
 */
final class RunLock {
    private RunLock() {}

    static void lock(JdbcTemplate jdbc, LocalDate periodEnd) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", key(periodEnd));
    }

    static long key(LocalDate periodEnd) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("remittance-run:" + periodEnd).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
