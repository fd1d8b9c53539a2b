package nl.taxledger.service.commandapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an NDJSON body, numbered from 1, each read up to {@code maxLineBytes}: a longer line is passed over to
 * its end (never held in memory) and reported as {@link TooLong}, so the import can answer it and go on with the next
 * line. A line that is not UTF-8 is reported as {@link NotUtf8} rather than read with replacement characters.
 */
final class NdjsonLines {
    private static final int CHUNK_BYTES = 64 * 1024;

    /** One line of the body. */
    sealed interface Line permits Text, TooLong, NotUtf8 {
        int number();
    }

    /** A line within the bound, without its line break (and without a carriage return before it). */
    record Text(int number, String text) implements Line {}

    /** A line of {@code bytes} bytes, more than the bound: not read. */
    record TooLong(int number, long bytes) implements Line {}

    record NotUtf8(int number) implements Line {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int number;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or {@code null} at the end of the body. */
    Line next() throws IOException {
        int length = 0;
        long bytes = 0;
        boolean read = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!read) {
                    return null;
                }
                break;
            }
            read = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            int count = position - start;
            bytes += count;
            if (bytes <= maxLineBytes) {
                append(start, count, length);
                length += count;
            }
            if (position < limit) {
                position++; // the line break
                break;
            }
        }
        number++;
        if (bytes > maxLineBytes) {
            return new TooLong(number, bytes);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    /**
     * Whether the next line can be started without waiting for the sender: bytes are read and not yet returned, or
     * the stream says it has some. A group commit closes its group before a read that may wait, so no transaction
     * stays open (holding its locks) while a slow client sends.
     */
    boolean buffered() throws IOException {
        return position < limit || in.available() > 0;
    }

    /** Lines returned so far. */
    int lines() {
        return number;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int start, int count, int length) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(chunk, start, line, length, count);
    }

    private Line decode(int length) {
        if (length == 0) {
            return new Text(number, "");
        }
        try {
            return new Text(
                    number,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(line, 0, length))
                            .toString());
        } catch (CharacterCodingException e) {
            return new NotUtf8(number);
        }
    }
}
