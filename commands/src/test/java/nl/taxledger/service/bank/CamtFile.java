package nl.taxledger.service.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes small bank files in the shapes Dutch banks send (the elements of the public scenario files): a camt.053
 * statement or a camt.054 notification, version 02 or 08. Amounts in cents.
 */
final class CamtFile {
    enum Message {
        CAMT_053_02,
        CAMT_053_08,
        CAMT_054_02,
        CAMT_054_08
    }

    /** One transaction; {@code endToEndId} null is written as SEPA's NOTPROVIDED. */
    record Tx(long cents, String structured, String text, String iban, String name, String endToEndId) {
        Tx(long cents, String structured, String text, String iban, String name) {
            this(cents, structured, text, iban, name, null);
        }
    }

    record Entry(long cents, boolean credit, String status, String servicerRef, String info, List<Tx> txs) {}

    private final Message message;
    private final String iban;
    private final String id;
    private final long sequence;
    private Long openingCents;
    private Long closingCents;
    private String date = "2026-03-02";
    private final List<Entry> entries = new ArrayList<>();

    private CamtFile(Message message, String iban, String id, long sequence) {
        this.message = message;
        this.iban = iban;
        this.id = id;
        this.sequence = sequence;
    }

    static CamtFile of(Message message, String iban, String id, long sequence) {
        return new CamtFile(message, iban, id, sequence);
    }

    /** Balances for a statement; the closing balance is the opening plus the booked entries unless given. */
    CamtFile opening(long cents) {
        this.openingCents = cents;
        return this;
    }

    /** The statement's date (balances, booking and value dates); 2 March 2026 unless given. */
    CamtFile on(java.time.LocalDate day) {
        this.date = day.toString();
        return this;
    }

    CamtFile closing(long cents) {
        this.closingCents = cents;
        return this;
    }

    CamtFile credit(String servicerRef, Tx... txs) {
        entries.add(new Entry(sum(txs), true, "BOOK", servicerRef, null, List.of(txs)));
        return this;
    }

    CamtFile pending(String servicerRef, Tx tx) {
        entries.add(new Entry(tx.cents(), true, "PDNG", servicerRef, null, List.of(tx)));
        return this;
    }

    CamtFile bankCosts(String servicerRef, long cents, String info) {
        entries.add(new Entry(cents, false, "BOOK", servicerRef, info, List.of()));
        return this;
    }

    /** A debit that pays out a credit transfer of ours: the bank reports its EndToEndId. */
    CamtFile payout(String servicerRef, long cents, String endToEndId, String creditorIban, String creditor) {
        entries.add(new Entry(
                cents,
                false,
                "BOOK",
                servicerRef,
                null,
                List.of(new Tx(cents, null, "Teruggaaf", creditorIban, creditor, endToEndId))));
        return this;
    }

    static Tx structured(long cents, String reference, String iban, String name) {
        return new Tx(cents, reference, null, iban, name);
    }

    static Tx text(long cents, String text, String iban, String name) {
        return new Tx(cents, null, text, iban, name);
    }

    private static long sum(Tx... txs) {
        long cents = 0;
        for (Tx tx : txs) {
            cents += tx.cents();
        }
        return cents;
    }

    private boolean v08() {
        return message == Message.CAMT_053_08 || message == Message.CAMT_054_08;
    }

    private boolean statement() {
        return message == Message.CAMT_053_02 || message == Message.CAMT_053_08;
    }

    byte[] xml() {
        String namespace =
                switch (message) {
                    case CAMT_053_02 -> "camt.053.001.02";
                    case CAMT_053_08 -> "camt.053.001.08";
                    case CAMT_054_02 -> "camt.054.001.02";
                    case CAMT_054_08 -> "camt.054.001.08";
                };
        String root = statement() ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String report = statement() ? "Stmt" : "Ntfctn";
        StringBuilder xml = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:")
                .append(namespace)
                .append("\"><")
                .append(root)
                .append("><GrpHdr><MsgId>M-")
                .append(id)
                .append("</MsgId><CreDtTm>2026-03-03T06:15:00+01:00</CreDtTm></GrpHdr><")
                .append(report)
                .append("><Id>")
                .append(id)
                .append("</Id><ElctrncSeqNb>")
                .append(sequence)
                .append("</ElctrncSeqNb><CreDtTm>2026-03-03T06:15:00+01:00</CreDtTm><Acct><Id><IBAN>")
                .append(iban)
                .append("</IBAN></Id><Ccy>EUR</Ccy></Acct>");
        if (statement()) {
            long opening = openingCents == null ? 0 : openingCents;
            long closing = closingCents != null ? closingCents : opening + bookedNet();
            balance(xml, "OPBD", opening);
            balance(xml, "CLBD", closing);
        }
        entries.forEach(entry -> entry(xml, entry));
        return xml.append("</")
                .append(report)
                .append("></")
                .append(root)
                .append("></Document>")
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long bookedNet() {
        return entries.stream()
                .filter(e -> "BOOK".equals(e.status()))
                .mapToLong(e -> e.credit() ? e.cents() : -e.cents())
                .sum();
    }

    private void balance(StringBuilder xml, String type, long cents) {
        xml.append("<Bal><Tp><CdOrPrtry><Cd>")
                .append(type)
                .append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">")
                .append(euro(Math.abs(cents)))
                .append("</Amt><CdtDbtInd>")
                .append(cents < 0 ? "DBIT" : "CRDT")
                .append("</CdtDbtInd><Dt><Dt>")
                .append(date)
                .append("</Dt></Dt></Bal>");
    }

    private void entry(StringBuilder xml, Entry entry) {
        xml.append("<Ntry><Amt Ccy=\"EUR\">")
                .append(euro(entry.cents()))
                .append("</Amt><CdtDbtInd>")
                .append(entry.credit() ? "CRDT" : "DBIT")
                .append("</CdtDbtInd>")
                .append(v08() ? "<Sts><Cd>" + entry.status() + "</Cd></Sts>" : "<Sts>" + entry.status() + "</Sts>");
        if ("BOOK".equals(entry.status())) {
            xml.append("<BookgDt><Dt>").append(date).append("</Dt></BookgDt>");
        }
        xml.append("<ValDt><Dt>").append(date).append("</Dt></ValDt>");
        if (entry.servicerRef() != null) {
            xml.append("<AcctSvcrRef>").append(entry.servicerRef()).append("</AcctSvcrRef>");
        }
        xml.append(
                entry.credit()
                        ? "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
                        : entry.txs().isEmpty()
                                ? "<BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>"
                                : "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>");
        if (!entry.txs().isEmpty()) {
            xml.append("<NtryDtls>");
            if (entry.txs().size() > 1) {
                xml.append("<Btch><NbOfTxs>").append(entry.txs().size()).append("</NbOfTxs></Btch>");
            }
            entry.txs().forEach(tx -> tx(xml, tx, entry.credit()));
            xml.append("</NtryDtls>");
        }
        if (entry.info() != null) {
            xml.append("<AddtlNtryInf>").append(entry.info()).append("</AddtlNtryInf>");
        }
        xml.append("</Ntry>");
    }

    private void tx(StringBuilder xml, Tx tx, boolean credit) {
        xml.append("<TxDtls><Refs><EndToEndId>")
                .append(tx.endToEndId() == null ? "NOTPROVIDED" : tx.endToEndId())
                .append("</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">")
                .append(euro(tx.cents()))
                .append("</Amt></TxAmt></AmtDtls>");
        if (tx.iban() != null) {
            String party = credit ? "Dbtr" : "Cdtr";
            String name = v08() ? "<Pty><Nm>" + tx.name() + "</Nm></Pty>" : "<Nm>" + tx.name() + "</Nm>";
            xml.append("<RltdPties><")
                    .append(party)
                    .append(">")
                    .append(name)
                    .append("</")
                    .append(party)
                    .append("><")
                    .append(party)
                    .append("Acct><Id><IBAN>")
                    .append(tx.iban())
                    .append("</IBAN></Id></")
                    .append(party)
                    .append("Acct></RltdPties>");
        }
        xml.append("<RmtInf>");
        if (tx.text() != null) {
            xml.append("<Ustrd>").append(tx.text()).append("</Ustrd>");
        }
        if (tx.structured() != null) {
            xml.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>")
                    .append(tx.structured())
                    .append("</Ref></CdtrRefInf></Strd>");
        }
        xml.append("</RmtInf></TxDtls>");
    }

    private static String euro(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
