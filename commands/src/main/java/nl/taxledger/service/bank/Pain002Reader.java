package nl.taxledger.service.bank;

import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV03;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInformation1;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransactionInformation25;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation8;
import com.prowidesoftware.swift.model.mx.dic.TransactionGroupStatus3Code;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pain.002.001.03 status report on our direct-debit runs (Prowide pw-iso20022), after validating it against
 * the official schema. A listed transaction's status is its own {@code TxSts}, else its payment block's
 * {@code PmtInfSts}, else the group's {@code GrpSts}; its reason likewise the nearest {@code StsRsnInf/Rsn}. Which
 * element is read for what: docs/bank-files.md, "R-transactions".
 */
final class Pain002Reader {
    /** Transactions of one report: a run of a large collector, some tens of thousands. */
    static final int MAX_TRANSACTIONS = 1_000_000;

    private final CamtSchemas schemas = new CamtSchemas();

    /** One status report: its message id and every transaction it lists, with the blocks that list none. */
    record StatusReport(
            String messageId, List<TransactionStatus> transactions, List<String> rejectedWithoutTransactions) {}

    /**
     * A transaction's status. {@code position} is its 1-based place in the report; {@code status} the code
     * ({@code RJCT} is all the SEPA schema allows); {@code reasonCode} {@code Rsn/Cd}, else {@code Rsn/Prtry}.
     */
    record TransactionStatus(
            int position, String statusId, String originalEndToEndId, String status, String reasonCode) {
        boolean rejected() {
            return "RJCT".equals(status);
        }
    }

    StatusReport read(byte[] xml) {
        if (xml.length > CamtReader.MAX_FILE_BYTES) {
            throw CamtReader.invalid("the bank file is larger than " + CamtReader.MAX_FILE_BYTES + " bytes");
        }
        String namespace = schemas.validate(xml);
        if (!CamtSchemas.PAIN_002_03.equals(namespace)) {
            throw CamtReader.invalid("not a pain.002.001.03 status report: " + namespace);
        }
        MxPain00200103 message = MxPain00200103.parse(new String(xml, StandardCharsets.UTF_8));
        if (message == null || message.getCstmrPmtStsRpt() == null) {
            throw CamtReader.invalid("the status report could not be read although it is schema-valid");
        }
        CustomerPaymentStatusReportV03 report = message.getCstmrPmtStsRpt();
        var group = report.getOrgnlGrpInfAndSts();
        String groupStatus = code(group.getGrpSts());
        String groupReason = reason(group.getStsRsnInf());
        List<TransactionStatus> transactions = new ArrayList<>();
        List<String> rejectedWithoutTransactions = new ArrayList<>();
        for (OriginalPaymentInformation1 block : report.getOrgnlPmtInfAndSts()) {
            String blockStatus = first(code(block.getPmtInfSts()), groupStatus);
            String blockReason = first(reason(block.getStsRsnInf()), groupReason);
            if (block.getTxInfAndSts().isEmpty() && "RJCT".equals(blockStatus)) {
                rejectedWithoutTransactions.add(block.getOrgnlPmtInfId());
            }
            for (PaymentTransactionInformation25 tx : block.getTxInfAndSts()) {
                if (transactions.size() == MAX_TRANSACTIONS) {
                    throw CamtReader.invalid("the status report lists more than " + MAX_TRANSACTIONS + " transactions");
                }
                transactions.add(new TransactionStatus(
                        transactions.size() + 1,
                        tx.getStsId(),
                        tx.getOrgnlEndToEndId(),
                        first(tx.getTxSts() == null ? null : tx.getTxSts().value(), blockStatus),
                        first(reason(tx.getStsRsnInf()), blockReason)));
            }
        }
        if (report.getOrgnlPmtInfAndSts().isEmpty() && "RJCT".equals(groupStatus)) {
            rejectedWithoutTransactions.add(group.getOrgnlMsgId());
        }
        return new StatusReport(report.getGrpHdr().getMsgId(), transactions, rejectedWithoutTransactions);
    }

    private static String code(TransactionGroupStatus3Code status) {
        return status == null ? null : status.value();
    }

    private static String reason(List<StatusReasonInformation8> reasons) {
        for (StatusReasonInformation8 info : reasons) {
            if (info.getRsn() != null) {
                return info.getRsn().getCd() != null
                        ? info.getRsn().getCd()
                        : info.getRsn().getPrtry();
            }
        }
        return null;
    }

    private static String first(String own, String inherited) {
        return own != null ? own : inherited;
    }
}
