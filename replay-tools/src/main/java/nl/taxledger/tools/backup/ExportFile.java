package nl.taxledger.tools.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The export file: gzip over a simple stream, with a SHA-256 of everything before it as its last 32 bytes.
 *
 * <pre>
 * "TAXLEDGER-EXPORT 1\n"
 * header   : int length, UTF-8 JSON (schema version, ledger id, chain head, tables with their columns)
 * per table: int length, UTF-8 name; then chunks (int length, bytes) of PostgreSQL's binary COPY, ended by length 0
 * trailer  : 32 bytes SHA-256 over every uncompressed byte before it
 * </pre>
 *
 * Chunks are at most {@link #CHUNK_BYTES}: writing and reading hold one chunk, never a table. Beside the file,
 * {@code FILE.sha256} holds the SHA-256 of the compressed file in {@code sha256sum} format.
 */
final class ExportFile {
    static final String MAGIC = "TAXLEDGER-EXPORT 1\n";
    static final int CHUNK_BYTES = 1 << 16;
    static final int MAX_HEADER_BYTES = 16 << 20;

    private ExportFile() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** Writes the format; {@link #finish} appends the trailer and closes the gzip stream. */
    static final class Writer {
        private final GZIPOutputStream gzip;
        private final MessageDigest digest = sha256();
        private final DataOutputStream out;

        Writer(OutputStream file) throws IOException {
            this.gzip = new GZIPOutputStream(file, CHUNK_BYTES);
            this.out = new DataOutputStream(new DigestOutputStream(gzip, digest));
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        }

        void header(byte[] json) throws IOException {
            out.writeInt(json.length);
            out.write(json);
        }

        /** A table's section: the caller writes its COPY stream into the returned stream, then closes it. */
        OutputStream table(String name) throws IOException {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            return new OutputStream() {
                private final byte[] buffer = new byte[CHUNK_BYTES];
                private int filled;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] data, int offset, int length) throws IOException {
                    while (length > 0) {
                        int n = Math.min(length, buffer.length - filled);
                        System.arraycopy(data, offset, buffer, filled, n);
                        filled += n;
                        offset += n;
                        length -= n;
                        if (filled == buffer.length) {
                            flushChunk();
                        }
                    }
                }

                private void flushChunk() throws IOException {
                    if (filled > 0) {
                        out.writeInt(filled);
                        out.write(buffer, 0, filled);
                        filled = 0;
                    }
                }

                @Override
                public void close() throws IOException {
                    flushChunk();
                    out.writeInt(0);
                }
            };
        }

        void finish() throws IOException {
            out.flush();
            gzip.write(digest.digest()); // the trailer, not part of what it sums
            gzip.finish();
            gzip.flush();
        }
    }

    /** Reads the format; {@link #checkTrailer} compares the trailer with what was read. */
    static final class Reader {
        private final MessageDigest digest = sha256();
        private final DataInputStream raw;
        private final DataInputStream in;

        Reader(InputStream file) throws IOException {
            this.raw = new DataInputStream(new GZIPInputStream(file, CHUNK_BYTES));
            this.in = new DataInputStream(new DigestInputStream(raw, digest));
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IOException("not a ledger export (no " + MAGIC.strip() + " at its start)");
            }
        }

        byte[] header() throws IOException {
            return bytes(MAX_HEADER_BYTES, "header");
        }

        String tableName() throws IOException {
            return new String(bytes(1024, "table name"), StandardCharsets.UTF_8);
        }

        private byte[] bytes(int limit, String what) throws IOException {
            int length = in.readInt();
            if (length < 0 || length > limit) {
                throw new IOException("export damaged: " + what + " of " + length + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }

        /** The current table's COPY stream, chunk by chunk, ending at its 0 chunk. */
        InputStream table() {
            return new InputStream() {
                private int left;
                private boolean ended;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] target, int offset, int length) throws IOException {
                    if (ended) {
                        return -1;
                    }
                    if (left == 0) {
                        left = in.readInt();
                        if (left < 0 || left > CHUNK_BYTES) {
                            throw new IOException("export damaged: a chunk of " + left + " bytes");
                        }
                        if (left == 0) {
                            ended = true;
                            return -1;
                        }
                    }
                    int n = in.read(target, offset, Math.min(length, left));
                    if (n < 0) {
                        throw new EOFException("export cut off inside a table");
                    }
                    left -= n;
                    return n;
                }
            };
        }

        /** After the last table: the stored SHA-256 must equal the one of the bytes read. */
        void checkTrailer() throws IOException {
            byte[] computed = digest.digest();
            byte[] stored = new byte[computed.length];
            raw.readFully(stored);
            if (!Arrays.equals(stored, computed)) {
                throw new IOException(
                        "export damaged: checksum " + HexFormat.of().formatHex(computed) + " differs from the stored "
                                + HexFormat.of().formatHex(stored));
            }
            if (raw.read() != -1) {
                throw new IOException("export damaged: bytes after the checksum");
            }
        }
    }
}
