package nl.taxledger.service.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Small R-transaction files in the shapes of the public scenario files (bank/14-p*.xml, 14-n0506.xml): a pain.002.001.03
 * reject report, a camt.054.001.02 or .08 notification of a returned collection, and a camt.053.001.02 statement
 * with a settlement credit or a return debit. Amounts in cents.
 */
final class RTransactionFiles {
    private RTransactionFiles() {}

    /** A reject ({@code RJCT}) of one collection of ours, as a pain.002.001.03 status report. */
    static byte[] reject(String messageId, String endToEndId, String reasonCode, long cents) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-03-31T07:40:00+02:00</CreDtTm>
                <CdtrAgt><FinInstnId><BIC>RABONL2U</BIC></FinInstnId></CdtrAgt></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>DD20260331</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>DD-20260331-RCUR</OrgnlPmtInfId>
                <TxInfAndSts><StsId>%1$s-1</StsId><OrgnlEndToEndId>%2$s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                <StsRsnInf><Rsn><Cd>%3$s</Cd></Rsn></StsRsnInf>
                <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">%4$s</InstdAmt></Amt><ReqdColltnDt>2026-03-31</ReqdColltnDt>
                </OrgnlTxRef></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
                """).formatted(messageId, endToEndId, reasonCode, euro(cents)).getBytes(StandardCharsets.UTF_8);
    }

    /** A whole payment block rejected, no transaction listed (e.g. a file the bank could not process). */
    static byte[] blockRejected(String messageId) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-03-31T07:40:00+02:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>DD20260331</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>DD-20260331-FRST</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts>
                <StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
                """).formatted(messageId).getBytes(StandardCharsets.UTF_8);
    }

    /** A camt.054 notification (v02 or v08) of one returned collection: a debit with {@code RtrInf}. */
    static byte[] returnNotification(
            boolean v08, String iban, String id, String servicerRef, String endToEndId, String reasonCode, long cents) {
        String status = v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
        String amount = v08 ? "<Amt Ccy=\"EUR\">" + euro(cents) + "</Amt>" : "";
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.%1$s"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>M-%2$s</MsgId><CreDtTm>2026-05-06T14:05:00+02:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>%2$s</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2026-05-06T14:05:00+02:00</CreDtTm>
                <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %4$s
                </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """)
                .formatted(
                        v08 ? "08" : "02",
                        id,
                        iban,
                        returnEntry(status, amount, servicerRef, endToEndId, reasonCode, cents))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A camt.053.001.02 day statement with one booked entry: a settlement credit or a return debit. */
    static byte[] statement(String iban, String id, long sequence, long openingCents, String entry, long netCents) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M-%1$s</MsgId><CreDtTm>2026-05-07T06:15:00+02:00</CreDtTm></GrpHdr>
                <Stmt><Id>%1$s</Id><ElctrncSeqNb>%2$d</ElctrncSeqNb><CreDtTm>2026-05-07T06:15:00+02:00</CreDtTm>
                <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-05-06</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-05-06</Dt></Dt></Bal>
                %6$s
                </Stmt></BkToCstmrStmt></Document>
                """)
                .formatted(id, sequence, iban, euro(openingCents), euro(openingCents + netCents), entry)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The settlement of a collection: a credit carrying our EndToEndId (rule 1 of §9). */
    static String settlementEntry(String servicerRef, String endToEndId, long cents) {
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-04-30</Dt></BookgDt><ValDt><Dt>2026-04-30</Dt></ValDt><AcctSvcrRef>%2$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>%3$s</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
                """.formatted(euro(cents), servicerRef, endToEndId);
    }

    /** A returned collection as a camt.053.001.02 entry (v02 status). */
    static String returnEntry(String servicerRef, String endToEndId, String reasonCode, long cents) {
        return returnEntry("<Sts>BOOK</Sts>", "", servicerRef, endToEndId, reasonCode, cents);
    }

    private static String returnEntry(
            String status, String txAmount, String servicerRef, String endToEndId, String reasonCode, long cents) {
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>DBIT</CdtDbtInd>%2$s
                <BookgDt><Dt>2026-05-06</Dt></BookgDt><ValDt><Dt>2026-05-06</Dt></ValDt><AcctSvcrRef>%3$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>%4$s</EndToEndId></Refs>%5$s
                <RmtInf><Ustrd>Terugboeking incasso %4$s</Ustrd></RmtInf>
                <RtrInf><Rsn><Cd>%6$s</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
                """.formatted(euro(cents), status, servicerRef, endToEndId, txAmount, reasonCode);
    }

    private static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
