package nl.taxledger.service.hashchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anchors read for {@code verify --anchor}: a file of JSON lines as the service appends them
 * ({@code {"ledger":…,"position":…,"hash":…,"reason":…,"writtenAt":…}}; {@code ledger} optional, so a participant can
 * type in the position and hash printed on a remittance statement), or a directory, whose {@code *.anchors} files are
 * all read.
 */
public final class Anchors {
    /** At most this many anchors per run: the check keeps them in memory. */
    static final int MAX_ANCHORS = 1_000_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Anchor(String ledgerId, long position, String hash, String source) {}

    private Anchors() {}

    public static List<Anchor> read(List<Path> paths) {
        List<Anchor> anchors = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(
                                    f -> f.getFileName().toString().endsWith(".anchors"))
                            .sorted()
                            .toList()) {
                        readFile(file, anchors);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the anchor directory " + path, e);
                }
            } else {
                readFile(path, anchors);
            }
        }
        return anchors;
    }

    private static void readFile(Path file, List<Anchor> anchors) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (anchors.size() >= MAX_ANCHORS) {
                    throw new IllegalArgumentException("more than " + MAX_ANCHORS + " anchors");
                }
                anchors.add(parse(line, file.getFileName() + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the anchor file " + file, e);
        }
    }

    private static Anchor parse(String line, String source) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode position = node.get("position");
            JsonNode hash = node.get("hash");
            if (position == null
                    || !position.canConvertToLong()
                    || hash == null
                    || !hash.isString()
                    || !hash.asString().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("anchor " + source + " needs a position and a 64-digit hex hash");
            }
            JsonNode ledger = node.get("ledger");
            return new Anchor(
                    ledger == null || ledger.isNull() ? null : ledger.asString(),
                    position.asLong(),
                    hash.asString(),
                    "anchor " + source);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "anchor " + source + " is not a JSON line: " + e.getOriginalMessage(), e);
        }
    }
}
