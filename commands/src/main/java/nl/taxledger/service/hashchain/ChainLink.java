package nl.taxledger.service.hashchain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a link of the ledger chain is computed, in Java: the same bytes in the same order as the chain's triggers
 * hash in PostgreSQL ({@code V70__ledger_chain_in_the_appending_transaction.sql}), so {@code replay-tools verify}
 * recomputes every link from the stored rows without trusting anything the database computed.
 *
 * <p>Every field is written with a length prefix (a null as length -1), numbers as 8 bytes, so no two different rows
 * can serialise to the same byte string by moving bytes from one field into the next.
 *
 * <p>Two rules: the <b>old</b> one ({@link #ofEvent}, {@link #ofGap}: {@code event_hash_chain}, one link per global
 * index, written after the append) holds for the events up to the position the {@link #ORIGIN} link records; the
 * <b>new</b> one ({@link #linkOfEvent}, {@link #linkOfSnapshot}, {@link #linkOfCommand}: {@code ledger_chain}, one
 * link per stored row in commit order, written by the appending transaction) for everything after it.
 */
public final class ChainLink {
    /** The "previous hash" of the first link. */
    public static final String GENESIS = "0".repeat(64);
    /** Kinds of the old chain. */
    public static final String EVENT = "EVENT";

    public static final String GAP = "GAP";
    /** Sources of the new chain: position 1, then events, snapshots and command-log rows. */
    public static final String ORIGIN = "ORIGIN";

    public static final String SNAPSHOT = "SNAPSHOT";
    public static final String COMMAND = "COMMAND";

    private ChainLink() {}

    /** Old rule: the link of a stored event row at its global index. */
    public static String ofEvent(String previousHash, StoredEvent row) {
        Digest digest = new Digest().text(EVENT).text(previousHash).number(row.globalIndex());
        return eventColumns(digest, row).hex();
    }

    /** Old rule: the link of a global index that stayed empty for good (its append was rolled back). */
    public static String ofGap(String previousHash, long globalIndex) {
        return new Digest().text(GAP).text(previousHash).number(globalIndex).hex();
    }

    /**
     * New rule, position 1: the ledger's id and where the old chain ends (its head; 0 and {@link #GENESIS} when it
     * had none).
     */
    public static String linkOfOrigin(String ledgerId, long legacyGlobalIndex, String legacyHeadHash) {
        return new Digest()
                .text(ORIGIN)
                .text(GENESIS)
                .number(1)
                .text(ledgerId)
                .number(legacyGlobalIndex)
                .text(legacyHeadHash)
                .hex();
    }

    /** New rule: the link at {@code position} of an event row. */
    public static String linkOfEvent(String previousHash, long position, StoredEvent row) {
        Digest digest =
                new Digest().text(EVENT).text(previousHash).number(position).number(row.globalIndex());
        return eventColumns(digest, row).hex();
    }

    /** New rule: the link at {@code position} of a snapshot row. */
    public static String linkOfSnapshot(String previousHash, long position, StoredSnapshot row) {
        return new Digest()
                .text(SNAPSHOT)
                .text(previousHash)
                .number(position)
                .text(row.aggregateIdentifier())
                .number(row.sequenceNumber())
                .text(row.type())
                .text(row.eventIdentifier())
                .bytes(row.metadata())
                .bytes(row.payload())
                .text(row.payloadRevision())
                .text(row.payloadType())
                .text(row.timestamp())
                .hex();
    }

    /** New rule: the link at {@code position} of a command-log row. */
    public static String linkOfCommand(String previousHash, long position, StoredCommand row) {
        return new Digest()
                .text(COMMAND)
                .text(previousHash)
                .number(position)
                .text(row.commandId())
                .text(row.commandType())
                .text(row.requestSha256())
                .text(row.resultType())
                .text(row.result())
                .number(row.recordedAtMicros())
                .hex();
    }

    private static Digest eventColumns(Digest digest, StoredEvent row) {
        return digest.text(row.eventIdentifier())
                .text(row.payloadType())
                .text(row.payloadRevision())
                .bytes(row.payload())
                .bytes(row.metadata())
                .text(row.aggregateIdentifier())
                .number(row.sequenceNumber())
                .text(row.type())
                .text(row.timestamp());
    }

    private static final class Digest {
        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every JVM has SHA-256", impossible);
            }
        }

        Digest text(String value) {
            return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        Digest bytes(byte[] value) {
            sha256.update(ByteBuffer.allocate(Integer.BYTES)
                    .putInt(value == null ? -1 : value.length)
                    .array());
            if (value != null) {
                sha256.update(value);
            }
            return this;
        }

        Digest number(long value) {
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
