package nl.taxledger.service.remittance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RefundsReleased;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import nl.taxledger.ledger.bank.PayoutIds;
import nl.taxledger.service.locks.AdvisoryLock;
import nl.taxledger.service.lookup.Directory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Four eyes on money that leaves (domain.md §11): the payment files released by an approval. A remittance run's or
 * refund batch's pain.001 is written once, when its approval fact is appended (subscribing processor
 * {@code command-lookups}, same transaction), and stored with its message id, SHA-256, approver and time in
 * {@code payment_file_release}; every download returns those bytes. A run whose content changed after its release
 * needs a new approval, which releases a new file under a new message id.
 */
@Component
@ProcessingGroup("command-lookups")
public class PaymentReleases {
    /** The kinds of {@code payment_file_release.kind}. */
    enum Kind {
        REMITTANCE_RUN,
        REFUND_BATCH
    }

    /** A released file as listed (no bytes). */
    public record Release(
            String messageId,
            String kind,
            String runKey,
            String fileSha256,
            String releasedBy,
            OffsetDateTime releasedAt) {}

    /** A released file with its bytes. */
    record ReleasedFile(String messageId, byte[] bytes) {}

    /** Bound on the refunds of one batch: ApproveRefunds takes at most this many (the rest wait for the next). */
    public static final int MAX_REFUNDS_PER_BATCH = 10_000;

    private static final int MAX_LISTED = 1_000;
    private final JdbcTemplate jdbc;
    private final RemittanceFiles files;
    private final CollectorAccount collector;
    private final Directory directory;

    PaymentReleases(JdbcTemplate jdbc, RemittanceFiles files, CollectorAccount collector, Directory directory) {
        this.jdbc = jdbc;
        this.files = files;
        this.collector = collector;
        this.directory = directory;
    }

    /** The message id of a run's n-th release: at most 33 characters, as the writer requires. */
    static String remittanceMessageId(LocalDate periodEnd, int releaseNumber) {
        return "AFDR-" + periodEnd + "-" + releaseNumber;
    }

    static String refundMessageId(String batchId) {
        return "TERUG-" + batchId;
    }

    @EventHandler
    void on(RefundPaid event, @MetaDataValue(value = "who", required = true) String bookedBy) {
        jdbc.update(
                "INSERT INTO refund_payout (refund_id, debtor_id, amount_cents, value_date, account_ref, booked_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.refundId(),
                event.debtorId(),
                event.amountCents(),
                event.valueDate(),
                event.accountRef(),
                bookedBy);
    }

    @EventHandler
    void on(
            RemittanceRunApproved event,
            @MessageIdentifier String eventId,
            @MetaDataValue(value = "who", required = true) String approver,
            @Timestamp Instant at) {
        // the approval hashed the run when it was routed; a remittance of that week committed since would be paid
        // without four eyes, so the file is written only from the run that was approved, and none can commit
        // between this check and the file: RemittanceTables takes the same lock to write one (the last lock of
        // both transactions, CommandLocks' step 4, so it closes no circle)
        AdvisoryLock.lock(jdbc, "remittance-run", event.periodEnd().toString());
        String now = directory.remittanceRun(event.periodEnd()).contentSha256();
        if (!event.contentSha256().equals(now)) {
            throw new LedgerRejection(
                    ErrorCode.INVALID_STATE,
                    "the remittance run ending " + event.periodEnd() + " changed while it was approved: approve again");
        }
        String messageId = remittanceMessageId(event.periodEnd(), event.releaseNumber());
        byte[] file = files.pain001(event.periodEnd(), messageId);
        record(
                messageId,
                Kind.REMITTANCE_RUN,
                event.periodEnd().toString(),
                event.contentSha256(),
                approver,
                at,
                eventId,
                file);
    }

    @EventHandler
    void on(
            RefundsReleased event,
            @MessageIdentifier String eventId,
            @MetaDataValue(value = "who", required = true) String approver,
            @Timestamp Instant at) {
        int marked = 0;
        for (String refundId : event.refundIds()) {
            marked += jdbc.update(
                    "UPDATE refund_payout SET batch_id = ? WHERE refund_id = ? AND batch_id IS NULL",
                    event.batchId(),
                    refundId);
        }
        if (marked != event.refundIds().size()) {
            // a refund paid twice would be money out twice: stop rather than write the file
            throw new IllegalStateException(
                    "batch " + event.batchId() + " releases refunds already released or unknown");
        }
        List<Pain001Writer.Transfer> transfers = new ArrayList<>();
        jdbc.query(
                "SELECT r.refund_id, r.debtor_id, r.amount_cents, c.iban FROM refund_payout r"
                        + " JOIN counterparty_account c ON c.account_ref = r.account_ref"
                        + " WHERE r.batch_id = ? ORDER BY r.refund_id",
                rs -> {
                    transfers.add(new Pain001Writer.Transfer(
                            PayoutIds.refund(rs.getString(1)),
                            "Debiteur " + rs.getString(2),
                            rs.getString(4),
                            rs.getLong(3),
                            "Teruggaaf " + rs.getString(1)));
                },
                event.batchId());
        if (transfers.size() != event.refundIds().size()) {
            throw new IllegalStateException(
                    "batch " + event.batchId() + ": a refund's IBAN is no longer in the register");
        }
        String messageId = refundMessageId(event.batchId());
        byte[] file = Pain001Writer.write(collector, messageId, event.bookingDate(), transfers)
                .getBytes(StandardCharsets.UTF_8);
        record(
                messageId,
                Kind.REFUND_BATCH,
                event.batchId(),
                sha256(String.join("\n", event.refundIds())),
                approver,
                at,
                eventId,
                file);
    }

    private void record(
            String messageId,
            Kind kind,
            String runKey,
            String contentSha256,
            String approver,
            Instant at,
            String eventId,
            byte[] file) {
        // one release per approval fact: a re-run of this handler keeps the file first released
        OffsetDateTime releasedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int released = jdbc.update(
                "INSERT INTO payment_file_release (message_id, kind, run_key, content_sha256,"
                        + " file_sha256, released_by, released_at, approval_event_id, file_bytes)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (approval_event_id) DO NOTHING",
                messageId,
                kind.name(),
                runKey,
                contentSha256,
                sha256(file),
                approver,
                releasedAt,
                eventId,
                file);
        if (released == 1) {
            // the transfers as the file says them: a statement debit with one of their EndToEndIds executes it
            PayoutTransfers.record(jdbc, messageId, kind, file, releasedAt);
        }
    }

    /**
     * The released pain.001 of the run ending {@code periodEnd} as it is now: 404 when it pays nothing,
     * {@code APPROVAL_REQUIRED} when no approval covers its current content.
     */
    ReleasedFile remittanceRun(LocalDate periodEnd) {
        Directory.RemittanceRunContent content = directory.remittanceRun(periodEnd);
        if (!content.paysAnything()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no remittance with period end " + periodEnd + " pays anything");
        }
        return released(Kind.REMITTANCE_RUN, periodEnd.toString(), content.contentSha256())
                .orElseThrow(() -> new LedgerRejection(
                        ErrorCode.APPROVAL_REQUIRED,
                        "the run of " + periodEnd + " waits for approval by"
                                + " a supervisor who issued none of it (ApproveRemittanceRun)"
                                + latest(Kind.REMITTANCE_RUN, periodEnd.toString())
                                        .map(r -> "; it changed since release " + r.messageId())
                                        .orElse("")));
    }

    ReleasedFile refundBatch(String batchId) {
        return released(Kind.REFUND_BATCH, batchId, null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no refund batch " + batchId));
    }

    /** Released files of one kind, newest first, at most 1,000. */
    List<Release> list(Kind kind) {
        return jdbc.query(
                "SELECT message_id, kind, run_key, file_sha256, released_by, released_at"
                        + " FROM payment_file_release WHERE kind = ? ORDER BY released_at DESC, message_id LIMIT ?",
                (rs, row) -> new Release(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)),
                kind.name(),
                MAX_LISTED);
    }

    private Optional<ReleasedFile> released(Kind kind, String runKey, String contentSha256) {
        return jdbc
                .query(
                        "SELECT message_id, file_bytes FROM payment_file_release WHERE kind = ? AND run_key = ?"
                                + " AND (content_sha256 = ? OR ?::text IS NULL) ORDER BY released_at DESC LIMIT 1",
                        (rs, row) -> new ReleasedFile(rs.getString(1), rs.getBytes(2)),
                        kind.name(),
                        runKey,
                        contentSha256,
                        contentSha256)
                .stream()
                .findFirst();
    }

    private Optional<Release> latest(Kind kind, String runKey) {
        return jdbc
                .query(
                        "SELECT message_id, kind, run_key, file_sha256, released_by, released_at"
                                + " FROM payment_file_release WHERE kind = ? AND run_key = ? ORDER BY released_at DESC LIMIT 1",
                        (rs, row) -> new Release(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class)),
                        kind.name(),
                        runKey)
                .stream()
                .findFirst();
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
