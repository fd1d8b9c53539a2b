package nl.taxledger.service.bank;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.junit.jupiter.api.Test;

/**
 * A bank file the front door lets in (§12: at most 100 MiB) is never refused by the reader for its size: the reader
 * judges a 65 MiB file by its content. What is larger than 100 MiB is refused by its size.
 */
class CamtReaderSizeTest {
    private static final int MIB = 1024 * 1024;

    /** A document of no known message, padded with whitespace after its root to {@code bytes}. */
    private static byte[] unknownDocumentOf(int bytes) {
        byte[] head = "<?xml version=\"1.0\"?><Document xmlns=\"urn:example:not-a-bank-file\"/>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bytes];
        Arrays.fill(file, (byte) ' ');
        System.arraycopy(head, 0, file, 0, head.length);
        return file;
    }

    @Test
    void a_file_between_64_and_100_mib_is_judged_by_its_content_not_refused_for_its_size() {
        assertThatThrownBy(() -> new CamtReader().read(unknownDocumentOf(65 * MIB)))
                .isInstanceOfSatisfying(LedgerRejection.class, refused -> {
                    org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    org.assertj.core.api.Assertions.assertThat(refused.getMessage())
                            .doesNotContain("larger than");
                });
    }

    @Test
    void a_file_over_100_mib_is_refused_for_its_size() {
        assertThatThrownBy(() -> new CamtReader().read(unknownDocumentOf(100 * MIB + 1)))
                .isInstanceOfSatisfying(LedgerRejection.class, refused -> org.assertj.core.api.Assertions.assertThat(
                                refused.getMessage())
                        .contains("larger than " + 100 * MIB));
    }
}
