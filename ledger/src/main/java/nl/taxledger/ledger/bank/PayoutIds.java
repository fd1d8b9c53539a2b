package nl.taxledger.ledger.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The EndToEndId each payout carries in our pain.001 and that the bank reports back on the statement debit that
 * executed it (domain.md §9). One place, so the file writer and the reconciliation cannot drift apart. A pure
 * function of the payout's key, so the same payout always gets the same id (a re-download, the reconciliation's
 * ledger side), and two payouts never share one.
 *
 * <p>SEPA allows 35 characters. A key that fits is written as it reads ({@code AFDR-<participant>-<period end>},
 * {@code TERUG-<refund id>}). A longer one is never cut off (cutting made two weeks of a long participant id, or
 * two long refund ids, one id): it becomes a readable prefix and hex of the SHA-256 of the whole readable id. The
 * two forms cannot meet: a readable remittance id ends in an ISO date ({@code yyyy-MM-dd}), a hashed one in hex
 * without dashes; a hashed refund id starts {@code TERUGH-}, which {@code TERUG-} + anything never does.
 */
public final class PayoutIds {
    /** SEPA's limit on an EndToEndId. */
    public static final int MAX_LENGTH = 35;

    private static final String REMITTANCE = "AFDR-";
    private static final String REFUND = "TERUG-";
    private static final String HASHED_REFUND = "TERUGH-";

    private PayoutIds() {}

    /** A participant's remittance of the run ending {@code periodEnd}. */
    public static String remittance(String participantId, LocalDate periodEnd) {
        String readable = REMITTANCE + participantId + "-" + periodEnd;
        if (readable.length() <= MAX_LENGTH) {
            return readable;
        }
        // AFDR-yyyyMMdd- is 14 characters: 21 hex digits (84 bits) tell the participants of one week apart
        String prefix = REMITTANCE + periodEnd.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        return prefix + sha256Hex(readable, MAX_LENGTH - prefix.length());
    }

    /** A debtor's refund. */
    public static String refund(String refundId) {
        String readable = REFUND + refundId;
        if (readable.length() <= MAX_LENGTH) {
            return readable;
        }
        return HASHED_REFUND + sha256Hex(readable, MAX_LENGTH - HASHED_REFUND.length());
    }

    private static String sha256Hex(String text, int digits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, digits);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is in every JDK", impossible);
        }
    }
}
