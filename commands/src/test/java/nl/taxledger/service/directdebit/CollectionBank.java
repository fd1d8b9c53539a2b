package nl.taxledger.service.directdebit;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation9;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation4;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The collector's bank in the year test: it reads each pain.008 as a bank does (EndToEndId, mandate, amount, the
 * creditor account and collection date, nothing else), decides per mandate and date whether the collection fails,
 * and writes what a Dutch bank sends back: a pain.002 with the rejects before the collection date, the day
 * statement (camt.053.001.02) crediting every other collection on the date, and after five days the returns, some
 * notified first on a camt.054, all debited on the next statement with {@code RtrInf}. It keeps its own books:
 * balance and electronic sequence of the account, money credited and returned per debtor, and per mandate each date's
 * outcome, so the test can tell the ledger what it should hold without asking the ledger.
 *
 * <p>Failures: a mandate of a {@link DirectDebitYearPlan.Kind#THREE_STRIKES} debtor fails its nth, n+1th and n+2th
 * collection dates (a reject, a return, either); any other mandate fails a date with probability 1/20, never two
 * dates in a row (so never three), sometimes only one of the date's two collections.
 */
final class CollectionBank {
    private static final String[] REJECT_REASONS = {"AM04", "MS03", "AC01"};
    private static final String[] RETURN_REASONS = {"AM04", "MD06", "MS02", "AC04"};
    private static final int RETURN_AFTER_DAYS = 5;

    /** One transaction of a pain.008 as the bank read it. */
    record Collection(String endToEndId, String mandateId, long cents) {}

    /**
     * One file for the collector, to be imported on {@code importOn}, with the outcome the import must answer per
     * transaction: by EndToEndId for R-transactions, by payment id for credits.
     */
    record BankFile(String name, LocalDate importOn, byte[] xml, Map<String, String> expectedOutcomes) {}

    private final Random random;
    private final Map<String, DirectDebitYearPlan.Debtor> debtorOfMandate = new HashMap<>();
    private final Map<String, List<Boolean>> outcomesOfMandate = new HashMap<>();
    private final Map<String, Long> collectedCentsOfDebtor = new HashMap<>();
    private String account;
    private long balanceCents;
    private long sequence;
    private long creditedCents;
    private long returnedCents;
    private LocalDate lastStatementDate;
    private int rejects;
    private int returns;

    CollectionBank(long seed, DirectDebitYearPlan plan) {
        this.random = new Random(seed ^ 0x5EBA_2026L);
        for (DirectDebitYearPlan.Debtor debtor : plan.debtors()) {
            debtor.mandateIds().forEach(mandate -> debtorOfMandate.put(mandate, debtor));
        }
    }

    /** Reads the run's pain.008 and answers with the files of its rejects, its settlement and its returns. */
    List<BankFile> collect(String pain008) {
        MxPain00800102 file = MxPain00800102.parse(pain008);
        LocalDate date = null;
        Map<String, List<Collection>> byMandate = new LinkedHashMap<>();
        for (PaymentInstructionInformation4 block : file.getCstmrDrctDbtInitn().getPmtInf()) {
            date = block.getReqdColltnDt();
            String creditorAccount = block.getCdtrAcct().getId().getIBAN();
            if (account != null && !account.equals(creditorAccount)) {
                throw new IllegalStateException("collections credited to " + creditorAccount + ", not " + account);
            }
            account = creditorAccount;
            for (DirectDebitTransactionInformation9 tx : block.getDrctDbtTxInf()) {
                String mandateId = tx.getDrctDbtTx().getMndtRltdInf().getMndtId();
                byMandate
                        .computeIfAbsent(mandateId, m -> new ArrayList<>())
                        .add(new Collection(
                                tx.getPmtId().getEndToEndId(),
                                mandateId,
                                tx.getInstdAmt().getValue().movePointRight(2).longValueExact()));
            }
        }
        List<Collection> rejected = new ArrayList<>();
        List<Collection> returned = new ArrayList<>();
        List<Collection> settled = new ArrayList<>();
        byMandate.forEach((mandateId, collections) -> decide(mandateId, collections, rejected, returned, settled));
        List<BankFile> files = new ArrayList<>();
        if (!rejected.isEmpty()) {
            files.add(rejectReport(date, rejected));
        }
        if (!settled.isEmpty()) {
            files.add(statement("settlement", date, date.plusDays(1), settled, List.of(), Set.of()));
        }
        if (!returned.isEmpty()) {
            LocalDate day = date.plusDays(RETURN_AFTER_DAYS);
            Set<String> notified = new HashSet<>();
            for (Collection collection : returned) {
                if (random.nextBoolean()) {
                    notified.add(collection.endToEndId());
                }
            }
            if (!notified.isEmpty()) {
                files.add(notification(
                        day,
                        returned.stream()
                                .filter(c -> notified.contains(c.endToEndId()))
                                .toList()));
            }
            files.add(statement("returns", day, day.plusDays(1), List.of(), returned, notified));
        }
        return files;
    }

    private void decide(
            String mandateId,
            List<Collection> collections,
            List<Collection> rejected,
            List<Collection> returned,
            List<Collection> settled) {
        DirectDebitYearPlan.Debtor debtor = debtorOfMandate.get(mandateId);
        if (debtor == null) {
            throw new IllegalStateException("a collection under mandate " + mandateId + ", which nobody signed");
        }
        List<Boolean> outcomes = outcomesOfMandate.computeIfAbsent(mandateId, m -> new ArrayList<>());
        int nth = outcomes.size() + 1;
        boolean striker = debtor.kind() == DirectDebitYearPlan.Kind.THREE_STRIKES;
        boolean fails = striker
                ? nth >= debtor.strikeFromDate() && nth < debtor.strikeFromDate() + 3
                : !(outcomes.isEmpty() ? false : outcomes.get(outcomes.size() - 1)) && random.nextInt(20) == 0;
        boolean reject = striker
                ? nth == debtor.strikeFromDate() || (nth > debtor.strikeFromDate() + 1 && random.nextBoolean())
                : random.nextBoolean();
        int failing = !fails ? 0 : !striker && collections.size() > 1 && random.nextBoolean() ? 1 : collections.size();
        outcomes.add(fails);
        for (int i = 0; i < collections.size(); i++) {
            Collection collection = collections.get(i);
            if (i < failing && reject) {
                rejected.add(collection);
                continue;
            }
            settled.add(collection);
            collectedCentsOfDebtor.merge(debtor.debtorId(), collection.cents(), Math::addExact);
            if (i < failing) {
                returned.add(collection);
                collectedCentsOfDebtor.merge(debtor.debtorId(), -collection.cents(), Math::addExact);
            }
        }
    }

    /** A pain.002.001.03: every rejected collection of the run, one status each. */
    private BankFile rejectReport(LocalDate date, List<Collection> rejected) {
        StringBuilder transactions = new StringBuilder();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Collection c : rejected) {
            rejects++;
            transactions.append("""
                    <TxInfAndSts><StsId>RJ-%1$s</StsId><OrgnlEndToEndId>%1$s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                    <StsRsnInf><Rsn><Cd>%2$s</Cd></Rsn></StsRsnInf>
                    <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">%3$s</InstdAmt></Amt><ReqdColltnDt>%4$s</ReqdColltnDt>
                    </OrgnlTxRef></TxInfAndSts>
                    """.formatted(c.endToEndId(), pick(REJECT_REASONS), euro(c.cents()), date));
            expected.put(c.endToEndId(), "FAILURE_RECORDED");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>RJ%1$s</MsgId><CreDtTm>%2$sT07:40:00+01:00</CreDtTm>
                <CdtrAgt><FinInstnId><BIC>RABONL2U</BIC></FinInstnId></CdtrAgt></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>DD%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>DD%1$s</OrgnlPmtInfId>
                %3$s</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
                """.formatted(compact(date), date.minusDays(1), transactions);
        return new BankFile("pain.002 " + date, date.minusDays(1), bytes(xml), expected);
    }

    /** A camt.053.001.02 day statement: opening = the last closing, then the credits and the return debits. */
    private BankFile statement(
            String what,
            LocalDate day,
            LocalDate importOn,
            List<Collection> credits,
            List<Collection> debits,
            Set<String> notifiedBefore) {
        long opening = balanceCents;
        StringBuilder entries = new StringBuilder();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Collection c : credits) {
            balanceCents = Math.addExact(balanceCents, c.cents());
            creditedCents = Math.addExact(creditedCents, c.cents());
            entries.append(settlementEntry(day, c));
            // a credit is answered by its payment id (servicer reference : index), not by the EndToEndId
            expected.put("C" + c.endToEndId() + ":1", "BOOKED");
        }
        for (Collection c : debits) {
            balanceCents = Math.subtractExact(balanceCents, c.cents());
            returnedCents = Math.addExact(returnedCents, c.cents());
            returns++;
            entries.append(returnEntry(day, c));
            expected.put(
                    c.endToEndId(),
                    notifiedBefore.contains(c.endToEndId()) ? "RETURN_ALREADY_BOOKED" : "RETURN_BOOKED");
        }
        sequence++;
        lastStatementDate = day;
        String id = "YR-" + compact(day) + "-" + sequence;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M-%1$s</MsgId><CreDtTm>%2$sT06:15:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>%1$s</Id><ElctrncSeqNb>%3$d</ElctrncSeqNb><CreDtTm>%2$sT06:15:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%4$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %5$s%6$s%7$s</Stmt></BkToCstmrStmt></Document>
                """.formatted(
                        id,
                        importOn,
                        sequence,
                        account,
                        balance("OPBD", opening, day),
                        balance("CLBD", balanceCents, day),
                        entries);
        return new BankFile("camt.053 " + what + " " + day, importOn, bytes(xml), expected);
    }

    /** A camt.054.001.02 notification of returns, the same entries (and keys) the next statement will hold. */
    private BankFile notification(LocalDate day, List<Collection> returned) {
        StringBuilder entries = new StringBuilder();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Collection c : returned) {
            entries.append(returnEntry(day, c));
            expected.put(c.endToEndId(), "RETURN_BOOKED");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>M-NT%1$s</MsgId><CreDtTm>%2$sT14:05:00+01:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>NT%1$s</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>%2$sT14:05:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                %4$s</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """.formatted(compact(day), day, account, entries);
        return new BankFile("camt.054 " + day, day, bytes(xml), expected);
    }

    private static String settlementEntry(LocalDate day, Collection c) {
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>C%3$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>%3$s</EndToEndId><MndtId>%4$s</MndtId></Refs></TxDtls></NtryDtls>
                </Ntry>
                """.formatted(euro(c.cents()), day, c.endToEndId(), c.mandateId());
    }

    /** The servicer reference depends on the collection only, so the 054 and the 053 give the same key. */
    private String returnEntry(LocalDate day, Collection c) {
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>R%3$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>%3$s</EndToEndId></Refs>
                <RmtInf><Ustrd>Terugboeking incasso %3$s</Ustrd></RmtInf>
                <RtrInf><Rsn><Cd>%4$s</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
                """.formatted(euro(c.cents()), day, c.endToEndId(), returnReason(c));
    }

    private final Map<String, String> returnReasons = new HashMap<>();

    private String returnReason(Collection c) {
        return returnReasons.computeIfAbsent(c.endToEndId(), e -> pick(RETURN_REASONS));
    }

    private static String balance(String type, long cents, LocalDate day) {
        return """
                <Bal><Tp><CdOrPrtry><Cd>%1$s</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>%3$s</CdtDbtInd>
                <Dt><Dt>%4$s</Dt></Dt></Bal>
                """.formatted(type, euro(Math.abs(cents)), cents < 0 ? "DBIT" : "CRDT", day);
    }

    private String pick(String[] codes) {
        return codes[random.nextInt(codes.length)];
    }

    private static String compact(LocalDate day) {
        return day.toString().replace("-", "");
    }

    private static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Mandates whose collection dates, in order, hold three failed dates in a row: those the ledger must end. */
    Set<String> mandatesWithThreeFailedDatesInARow() {
        Set<String> ended = new TreeSet<>();
        outcomesOfMandate.forEach((mandateId, outcomes) -> {
            int run = 0;
            for (boolean failed : outcomes) {
                run = failed ? run + 1 : 0;
                if (run == 3) {
                    ended.add(mandateId);
                }
            }
        });
        return ended;
    }

    /** Credited minus returned for the debtor's collections: what the ledger must hold as collected. */
    long collectedCents(String debtorId) {
        return collectedCentsOfDebtor.getOrDefault(debtorId, 0L);
    }

    String account() {
        return account;
    }

    long balanceCents() {
        return balanceCents;
    }

    long creditedCents() {
        return creditedCents;
    }

    long returnedCents() {
        return returnedCents;
    }

    LocalDate lastStatementDate() {
        return lastStatementDate;
    }

    int rejects() {
        return rejects;
    }

    int returns() {
        return returns;
    }
}
