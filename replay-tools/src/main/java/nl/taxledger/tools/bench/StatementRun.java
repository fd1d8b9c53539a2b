package nl.taxledger.tools.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.service.bank.BankImportAnswer;
import nl.taxledger.service.bank.BankStatementImport;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.CommandService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement import benchmark (issue 15): one camt.053.001.08 day statement of {@code transactions} transactions
 * on a fresh account of the collector, as a Dutch bank writes it (one entry per transfer, AcctSvcrRef, the kenmerk
 * in the free text), imported through {@link BankStatementImport} as the REST endpoint does: schema check, whole-file
 * checks, then one PostgreSQL transaction per transaction. Pays the import run's assessments ("aanslag I…", rule 3);
 * every 20th names nothing (suspense) and every 50th is a bank-costs debit (unreconciled).
 */
final class StatementRun {
    static final String ACCOUNT = iban("INGB", 2_445_588);
    private static final int UNMATCHED_EVERY = 20;
    private static final int COSTS_EVERY = 50;

    /** How long the import took, and what it answered. */
    record Result(int transactions, double seconds, BankImportAnswer answer) {
        double transactionsPerSecond() {
            return transactions / seconds;
        }
    }

    private StatementRun() {}

    private static String iban(String bank, long number) {
        return new org.iban4j.Iban.Builder()
                .countryCode(org.iban4j.CountryCode.NL)
                .bankCode(bank)
                .accountNumber(String.format("%010d", number))
                .build()
                .toString();
    }

    static Result run(BenchService service, Cooperation cooperation, int assessments, int transactions) {
        LocalDate day = Cooperation.IMPORT_DAY;
        service.bean(LedgerClock.class).setToday(day);
        service.bean(CommandService.class)
                .submit(
                        "RegisterBankAccount",
                        JsonMapper.builder().build().readTree("""
                {"commandId":"bench-account","iban":"%s","purpose":"RECEIPTS","name":"Ontvangsten"}""".formatted(ACCOUNT)),
                        CommandDriver.BENCH);
        List<String> paid = new ArrayList<>();
        for (int number = 1; number <= Math.max(1, Math.min(assessments, transactions)); number++) {
            paid.add(cooperation.importAssessment(number).path("assessmentId").asString());
        }
        byte[] xml = statement(day, transactions, paid);
        BankStatementImport statements = service.bean(BankStatementImport.class);
        long started = System.nanoTime();
        BankImportAnswer answer =
                statements.importFile(xml, new BankStatementImport.Options(false, null, null), CommandDriver.BENCH);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (answer.transactions().size() != transactions) {
            throw new IllegalStateException(
                    "the statement answered " + answer.transactions().size() + " transactions, not " + transactions);
        }
        return new Result(transactions, seconds, answer);
    }

    /** The day statement: opening 0, every transaction one booked entry. */
    static byte[] statement(LocalDate day, int transactions, List<String> assessments) {
        StringBuilder entries = new StringBuilder(transactions * 700);
        long closingCents = 0;
        for (int n = 1; n <= transactions; n++) {
            long cents = 1_000 + (n * 7_919L) % 90_000;
            if (n % COSTS_EVERY == 0) {
                closingCents -= cents;
                entry(entries, day, n, cents, false, null);
            } else {
                closingCents += cents;
                String text = n % UNMATCHED_EVERY == 0
                        ? "gift " + n
                        : "aanslag " + assessments.get((n - 1) % assessments.size()) + " termijn 1";
                entry(entries, day, n, cents, true, text);
            }
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH-" + day + "</MsgId><CreDtTm>" + day
                + "T06:15:00+01:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-" + day + "</Id><ElctrncSeqNb>1</ElctrncSeqNb>"
                + "<CreDtTm>" + day + "T06:15:00+01:00</CreDtTm><Acct><Id><IBAN>" + ACCOUNT + "</IBAN></Id>"
                + "<Ccy>EUR</Ccy></Acct>" + balance("OPBD", 0, day) + balance("CLBD", closingCents, day) + entries
                + "</Stmt></BkToCstmrStmt></Document>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String balance(String type, long cents, LocalDate day) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + euro(Math.abs(cents))
                + "</Amt><CdtDbtInd>" + (cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" + day
                + "</Dt></Dt></Bal>";
    }

    private static void entry(StringBuilder xml, LocalDate day, int n, long cents, boolean credit, String text) {
        xml.append("<Ntry><Amt Ccy=\"EUR\">")
                .append(euro(cents))
                .append("</Amt><CdtDbtInd>")
                .append(credit ? "CRDT" : "DBIT")
                .append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                .append(day)
                .append("</Dt></BookgDt><ValDt><Dt>")
                .append(day)
                .append("</Dt></ValDt><AcctSvcrRef>B")
                .append(n)
                .append("</AcctSvcrRef>");
        if (credit) {
            xml.append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>")
                    .append("</BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>")
                    .append("<Amt Ccy=\"EUR\">")
                    .append(euro(cents))
                    .append("</Amt><RltdPties><Dbtr><Pty><Nm>Betaler ")
                    .append(n)
                    .append("</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>")
                    .append(iban("RABO", n))
                    .append("</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>")
                    .append(text)
                    .append("</Ustrd></RmtInf></TxDtls></NtryDtls>");
        } else {
            xml.append("<BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn>")
                    .append("</BkTxCd><AddtlNtryInf>Kosten betalingsverkeer</AddtlNtryInf>");
        }
        xml.append("</Ntry>");
    }

    private static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
