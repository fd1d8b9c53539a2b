package nl.taxledger.service.hashchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.taxledger.ledger.api.PeriodClosed;
import nl.taxledger.ledger.api.RefundsReleased;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import nl.taxledger.service.aggregates.GroupLines;
import nl.taxledger.service.eventstore.WalFlush;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anchors of the ledger chain outside the database: at every period close and every released payment file
 * (a remittance run's or refund batch's pain.001), once its transaction has committed, the chain's head is appended
 * as one JSON line to an append-only file in the anchor directory ({@code ledger.anchors.dir}, default
 * {@code ./data/anchors}): {@code period-close.anchors}, {@code payment-files.anchors}.
 *
 * <p>Written after the commit, never before: an anchor of a head that was rolled back would accuse a clean chain.
 * The head read then is a committed one (it includes the closing transaction, and maybe later ones), which is all
 * an anchor needs: {@code replay-tools verify --anchor} checks the chain still has that hash at that position.
 * A failure to write is not thrown (the booking has already committed and must not be answered as failed) but is
 * kept until the next anchor is written: the health component {@code hashChain} is DOWN meanwhile
 * ({@link #unwritten()}), so a missing anchor is seen, not only logged.
 */
@Component
@ProcessingGroup("command-lookups")
public class ChainAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(ChainAnchors.class);
    public static final String PERIOD_CLOSE_FILE = "period-close.anchors";
    public static final String PAYMENT_FILES_FILE = "payment-files.anchors";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerChain chain;
    private final WalFlush walFlush;
    private final Path directory;
    /** Why the last anchor could not be written; null once a later one was. */
    private volatile String unwritten;

    ChainAnchors(
            LedgerChain chain,
            WalFlush walFlush,
            @Value("${ledger.anchors.dir:}") String configured,
            @Value("${ledger.embedded.ephemeral:false}") boolean ephemeral) {
        this.chain = chain;
        this.walFlush = walFlush;
        this.directory = directory(configured, ephemeral);
    }

    /** The configured directory; for a throw-away embedded database a throw-away one, never the real ./data. */
    private static Path directory(String configured, boolean ephemeral) {
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            return ephemeral
                    ? Files.createTempDirectory("ledger-anchors")
                    : Path.of("./data/anchors").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the chain anchors", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Why the last anchor was not written, if a later one has not been written since. */
    public Optional<String> unwritten() {
        return Optional.ofNullable(unwritten);
    }

    @EventHandler
    void on(PeriodClosed event) {
        afterCommit(PERIOD_CLOSE_FILE, "period closed through " + event.through());
    }

    @EventHandler
    void on(RemittanceRunApproved event) {
        afterCommit(PAYMENT_FILES_FILE, "remittance run " + event.periodEnd() + " release " + event.releaseNumber());
    }

    @EventHandler
    void on(RefundsReleased event) {
        afterCommit(PAYMENT_FILES_FILE, "refund batch " + event.batchId());
    }

    private void afterCommit(String file, String reason) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(file, reason);
            return;
        }
        // a line of an import group rolled back to its savepoint commits with its group, but its close or release
        // never happened: no anchor for it
        AtomicBoolean lineRolledBack = new AtomicBoolean();
        GroupLines.onRollback(() -> lineRolledBack.set(true));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (lineRolledBack.get()) {
                    return;
                }
                try {
                    write(file, reason);
                } catch (RuntimeException failure) {
                    unwritten = "anchor for '" + reason + "' not written to " + directory + ": " + failure;
                    LOG.error("chain anchor for '{}' not written to {}", reason, directory, failure);
                }
            }
        });
    }

    /** Appends the committed head to {@code file} in the anchor directory, on disk before it returns. */
    public Anchor write(String file, String reason) {
        // a command's commit may not be on disk yet when this runs after it (CommandService waits for the flush
        // only before it answers): an anchor must never name a head a crash could take back
        walFlush.flush();
        LedgerChain.Head head = chain.head();
        Anchor anchor = new Anchor(
                head.ledgerId(),
                head.position(),
                head.hash(),
                reason,
                Instant.now().toString());
        ObjectNode line = JSON.createObjectNode()
                .put("ledger", anchor.ledgerId())
                .put("position", anchor.position())
                .put("hash", anchor.hash())
                .put("reason", anchor.reason())
                .put("writtenAt", anchor.writtenAt());
        try {
            Files.createDirectories(directory);
            try (FileChannel out = FileChannel.open(
                    directory.resolve(file),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the chain anchor to " + directory.resolve(file), e);
        }
        // a later anchor covers the head the failed one would have named (the chain only grows)
        unwritten = null;
        return anchor;
    }

    /**
     * The newest {@code max} anchors of both files, newest first, for the web view. Each file is read line by line,
     * keeping only its last {@code max} lines; a missing file (nothing anchored yet) has none.
     */
    public List<Anchor> latest(int max) {
        return latest(directory, max);
    }

    static List<Anchor> latest(Path directory, int max) {
        List<Anchor> newest = new ArrayList<>();
        for (String file : List.of(PERIOD_CLOSE_FILE, PAYMENT_FILES_FILE)) {
            Path path = directory.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            ArrayDeque<String> tail = new ArrayDeque<>(max + 1);
            try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).forEach(line -> {
                    tail.addLast(line);
                    if (tail.size() > max) {
                        tail.removeFirst();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the chain anchors in " + path, e);
            }
            tail.forEach(line -> newest.add(parse(line)));
        }
        // newest first; in one file two anchors of the same moment: the later line (higher position) first
        newest.sort(Comparator.comparing(Anchor::writtenAt)
                .thenComparingLong(Anchor::position)
                .reversed());
        return List.copyOf(newest.subList(0, Math.min(max, newest.size())));
    }

    /** A line that is no JSON (typed in by hand, cut off by a crash) is shown as it is, never hidden. */
    private static Anchor parse(String line) {
        tools.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (tools.jackson.core.JacksonException unreadable) {
            return new Anchor(null, 0, "", "onleesbare regel: " + line, "");
        }
        return new Anchor(
                node.path("ledger").asString(null),
                node.path("position").asLong(),
                node.path("hash").asString(""),
                node.path("reason").asString(""),
                node.path("writtenAt").asString(""));
    }

    /** One anchor: the chain of ledger {@code ledgerId} had {@code hash} at {@code position} when it was written. */
    public record Anchor(String ledgerId, long position, String hash, String reason, String writtenAt) {}
}
