package nl.taxledger.tools.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Role;
import nl.taxledger.tools.ReplayTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay-tools bank import} against the real service, started here on a random port with its own embedded
 * PostgreSQL: files are posted in order to {@code POST /api/bank-statements} as a clerk, each transaction's outcome
 * and the counts are printed, and a refused file ends the run with exit code 1.
 */
class BankImportCommandTest {
    private static final String ACCOUNT = "NL41INGB4766143558";
    private static final String CLERK = "kassier";
    private static final String PASSWORD = "a-long-enough-test-password";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTheService() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        service = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.root=WARN",
                        "--ledger.scheduling.enabled=false",
                        "--ledger.anchors.dir=" + Files.createTempDirectory("ledger-anchors"));
        service.getBean(LocalUsers.class).create(CLERK, PASSWORD, EnumSet.of(Role.CLERK), Optional.empty(), "test");
        service.getBean(LedgerClock.class).setToday(DAY);
        submit("RegisterBankAccount", """
                {"commandId":"acct","iban":"%s","purpose":"RECEIPTS","name":"Ontvangsten ING"}""".formatted(ACCOUNT));
        submit("RegisterParticipant", """
                {"commandId":"reg","participantId":"GEM-A","name":"Gemeente A","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""");
        submit("ImposeAssessment", """
                {"commandId":"imp","assessmentId":"A-CLI","debtorId":"S-CLI","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","paymentReference":"5555666677778888","lines":[{"lineId":"L1",
                 "participantId":"GEM-A","taxType":"OZB","taxYear":2026,"amount":"100.00"}]}""");
    }

    @AfterAll
    static void stopTheService() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void submit(String type, String json) {
        service.getBean(CommandService.class)
                .submit(type, JsonMapper.builder().build().readTree(json), new Actor("test", null, "test"));
    }

    private record Run(int exitCode, String output) {}

    private Run bankImport(String... arguments) {
        List<String> line = new ArrayList<>(List.of("bank", "import"));
        line.addAll(List.of(arguments));
        line.addAll(List.of(
                "--url",
                "http://127.0.0.1:" + service.getEnvironment().getRequiredProperty("local.server.port"),
                "--user",
                CLERK,
                "--password-file",
                write("password", PASSWORD).toString()));
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new ReplayTools())
                .setOut(new PrintWriter(out, true))
                .execute(line.toArray(String[]::new));
        return new Run(exitCode, out.toString());
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void statements_are_imported_in_order_with_every_outcome_printed_and_a_gap_is_refused_until_accepted() {
        Path first = write(
                "s1.xml",
                statement(
                        "CLI-1",
                        1,
                        0,
                        credit("CLI0001", 40_00, "5555 6666 7777 8888"),
                        credit("CLI0002", 12_50, null)));
        Path second = write("s2.xml", statement("CLI-2", 2, 52_50, credit("CLI0003", 60_00, "5555666677778888")));
        Path gap = write("s4.xml", statement("CLI-4", 4, 200_00, credit("CLI0005", 1_00, null)));
        Path afterGap = write("s5.xml", statement("CLI-5", 5, 201_00, credit("CLI0006", 2_00, null)));

        Run imported = bankImport(first.toString(), second.toString());
        Run again = bankImport(first.toString());
        Run refused = bankImport(gap.toString(), afterGap.toString());
        Run accepted = bankImport(gap.toString(), afterGap.toString(), "--accept-gap", "--reason", "afschrift 3 kwijt");

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output())
                .contains("statement " + ACCOUNT + " CLI-1 2026-03-02: opening 0.00, closing 52.50")
                .contains("CLI0001:1 CREDIT 40.00 BOOKED debtor=S-CLI assessment=A-CLI rule=STRUCTURED_REFERENCE")
                .contains("CLI0002:1 CREDIT 12.50 BOOKED rule=SUSPENSE suspense=NO_MATCH")
                .contains("CLI0003:1 CREDIT 60.00 BOOKED debtor=S-CLI assessment=A-CLI rule=STRUCTURED_REFERENCE")
                .contains("total: 2 file(s), 3 transaction(s): payments 3, directed 2, undirected 0, suspense 1,"
                        + " alreadyBooked 0");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output())
                .contains("(recorded before)")
                .contains("CLI0001:1 CREDIT 40.00 ALREADY_BOOKED")
                .contains("payments 0, directed 0, undirected 0, suspense 0, alreadyBooked 2");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(BankImportCommand.REFUSED);
        assertThat(refused.output())
                .contains("s4.xml: HTTP 422 STATEMENT_SEQUENCE_BROKEN")
                .contains("refused; 1 file(s) after it not sent")
                .doesNotContain("CLI0005");
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output())
                .contains("(gap accepted: afschrift 3 kwijt)")
                .contains("CLI0005:1 CREDIT 1.00 BOOKED", "CLI0006:1 CREDIT 2.00 BOOKED");
        assertThat(service.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT count(*) FROM bank_transaction", Long.class))
                .isEqualTo(5);
    }

    @Test
    void a_file_that_is_not_a_bank_file_is_refused_with_the_services_reason() {
        Path notCamt = write("note.xml", "<?xml version=\"1.0\"?><note>geen afschrift</note>");

        Run run = bankImport(notCamt.toString());

        assertThat(run.exitCode()).isEqualTo(BankImportCommand.REFUSED);
        assertThat(run.output()).contains("note.xml: HTTP 400 VALIDATION_FAILED");
    }

    @Test
    void accept_gap_without_a_reason_is_a_usage_error_and_sends_nothing() {
        Run run = bankImport(write("x.xml", "<x/>").toString(), "--accept-gap");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    /** A credit transfer to the account; {@code structuredReference} null: free text that names nothing. */
    private record Credit(String servicerRef, long cents, String structuredReference) {}

    private static Credit credit(String servicerRef, long cents, String structuredReference) {
        return new Credit(servicerRef, cents, structuredReference);
    }

    /** The payer of the directed payments; an unknown payer's IBAN matches no debtor (rule 5). */
    private static String payer(Credit credit) {
        return credit.structuredReference() == null ? "NL63ASNB6979119958" : "NL20INGB0001234567";
    }

    private static String entry(Credit credit) {
        String servicerRef = credit.servicerRef();
        long cents = credit.cents();
        String structuredReference = credit.structuredReference();
        String remittance = structuredReference == null
                ? "<Ustrd>bijdrage</Ustrd>"
                : "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>"
                        + structuredReference + "</Ref></CdtrRefInf></Strd>";
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>%2$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                <RltdPties><Dbtr><Nm>J. Jansen</Nm></Dbtr><DbtrAcct><Id><IBAN>%4$s</IBAN></Id></DbtrAcct>
                </RltdPties><RmtInf>%3$s</RmtInf></TxDtls></NtryDtls></Ntry>
                """.formatted(euro(cents), servicerRef, remittance, payer(credit));
    }

    /** A camt.053.001.02 day statement of 2 March 2026 on the account; closing = opening + the credits. */
    private static String statement(String id, int sequence, long openingCents, Credit... credits) {
        long closingCents = openingCents;
        StringBuilder entries = new StringBuilder();
        for (Credit credit : credits) {
            closingCents += credit.cents();
            entries.append(entry(credit));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M-%1$s</MsgId><CreDtTm>2026-03-03T06:15:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>%1$s</Id><ElctrncSeqNb>%2$d</ElctrncSeqNb><CreDtTm>2026-03-03T06:15:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%3$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-02</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2026-03-02</Dt></Dt></Bal>
                %6$s
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(id, sequence, ACCOUNT, euro(openingCents), euro(closingCents), entries);
    }

    private static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
