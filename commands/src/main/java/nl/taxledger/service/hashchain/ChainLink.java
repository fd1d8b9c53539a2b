package nl.taxledger.service.hashchain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a link of the event hash chain is computed; shared by {@link HashChainer} (writes links) and
 * {@code replay-tools verify} (recomputes them), so both hash the same bytes in the same order.
 *
 * <p>Every field is written with a length prefix (a null as length -1), so no two different rows can
 * serialise to the same byte string by moving bytes from one field into the next.
 */
public final class ChainLink {
    /** The "previous hash" of the first link. */
    public static final String GENESIS = "0".repeat(64);
    public static final String EVENT = "EVENT";
    public static final String GAP = "GAP";

    private ChainLink() {
    }

    /** The link of a stored event row. */
    public static String ofEvent(String previousHash, StoredEvent row) {
        MessageDigest digest = sha256();
        text(digest, EVENT);
        text(digest, previousHash);
        number(digest, row.globalIndex());
        text(digest, row.eventIdentifier());
        text(digest, row.payloadType());
        text(digest, row.payloadRevision());
        bytes(digest, row.payload());
        bytes(digest, row.metadata());
        text(digest, row.aggregateIdentifier());
        number(digest, row.sequenceNumber());
        text(digest, row.type());
        text(digest, row.timestamp());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The link of a global index that stayed empty for good (its append was rolled back). */
    public static String ofGap(String previousHash, long globalIndex) {
        MessageDigest digest = sha256();
        text(digest, GAP);
        text(digest, previousHash);
        number(digest, globalIndex);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String value) {
        bytes(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
