package nl.taxledger.service.hashchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest anchors of both anchor files, as the chain page shows them. */
class ChainAnchorsLatestTest {
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);
    private static final String HASH_C = "c".repeat(64);

    @TempDir
    Path directory;

    private static String line(long position, String hash, String reason, String writtenAt) {
        return "{\"ledger\":\"L1\",\"position\":" + position + ",\"hash\":\"" + hash + "\",\"reason\":\"" + reason
                + "\",\"writtenAt\":\"" + writtenAt + "\"}\n";
    }

    @Test
    void no_anchor_file_yet_means_no_anchors() {
        assertThat(ChainAnchors.latest(directory, 20)).isEmpty();
    }

    @Test
    void the_newest_of_both_files_come_first_and_only_as_many_as_asked() throws Exception {
        Files.writeString(
                directory.resolve(ChainAnchors.PERIOD_CLOSE_FILE),
                line(10, HASH_A, "period closed through 2026-01-31", "2026-02-01T08:00:00Z")
                        + line(30, HASH_C, "period closed through 2026-02-28", "2026-03-01T08:00:00Z"));
        Files.writeString(
                directory.resolve(ChainAnchors.PAYMENT_FILES_FILE),
                line(20, HASH_B, "refund batch B1", "2026-02-15T08:00:00Z"));

        List<ChainAnchors.Anchor> newest = ChainAnchors.latest(directory, 2);

        assertThat(newest).extracting(ChainAnchors.Anchor::position).containsExactly(30L, 20L);
        assertThat(newest.get(0).hash()).isEqualTo(HASH_C);
        assertThat(newest.get(1).reason()).isEqualTo("refund batch B1");
    }

    @Test
    void a_line_that_is_no_json_is_shown_as_it_is() throws Exception {
        Files.writeString(directory.resolve(ChainAnchors.PAYMENT_FILES_FILE), "position 12 hash abc\n");

        assertThat(ChainAnchors.latest(directory, 5))
                .singleElement()
                .extracting(ChainAnchors.Anchor::reason)
                .isEqualTo("onleesbare regel: position 12 hash abc");
    }
}
