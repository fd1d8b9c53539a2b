package nl.taxledger.service.remittance;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credit transfers of a released pain.001, read back from the file itself (what the bank executes), into
 * {@code payout_transfer}: the statement import looks a debit's EndToEndId up there (domain.md §9).
 */
final class PayoutTransfers {
    private PayoutTransfers() {}

    record Transfer(String endToEndId, long amountCents) {}

    static List<Transfer> read(byte[] pain001) {
        MxPain00100109 message = MxPain00100109.parse(new String(pain001, StandardCharsets.UTF_8));
        if (message == null || message.getCstmrCdtTrfInitn() == null) {
            throw new IllegalStateException("a released payment file that is no pain.001.001.09");
        }
        List<Transfer> transfers = new ArrayList<>();
        for (PaymentInstruction30 instruction : message.getCstmrCdtTrfInitn().getPmtInf()) {
            for (CreditTransferTransaction34 tx : instruction.getCdtTrfTxInf()) {
                transfers.add(new Transfer(
                        tx.getPmtId().getEndToEndId(),
                        tx.getAmt().getInstdAmt().getValue().movePointRight(2).longValueExact()));
            }
        }
        return transfers;
    }

    static void record(
            JdbcTemplate jdbc, String messageId, PaymentReleases.Kind kind, byte[] pain001, OffsetDateTime releasedAt) {
        List<Object[]> rows = read(pain001).stream()
                .map(t -> new Object[] {t.endToEndId(), messageId, payoutKind(kind), t.amountCents(), releasedAt})
                .toList();
        jdbc.batchUpdate(
                "INSERT INTO payout_transfer (end_to_end_id, message_id, kind, amount_cents, released_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows);
    }

    private static String payoutKind(PaymentReleases.Kind kind) {
        return kind == PaymentReleases.Kind.REMITTANCE_RUN ? "REMITTANCE" : "REFUND";
    }
}
