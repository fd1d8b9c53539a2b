package nl.taxledger.service.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.taxledger.ledger.bank.KnownParties;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import nl.taxledger.service.testing.OfficialXsd;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A direct-debit run through the real service (domain.md §10): a mandate, a run prepared on the command path, its
 * pain.008 downloaded and checked against the official pain.008.001.02 schema. Dates in 2031, which no other test
 * of the shared ledger reaches, so the run holds this test's collections only.
 */
@LedgerServiceTest
class DirectDebitServiceTest {
    private static final String DEBTOR_IBAN = "NL20INGB0001234567";
    /** The collector's direct-debit account in this test (no other test registers it). */
    private static final String COLLECTION_ACCOUNT = "NL90RABO0313131313";

    @Autowired
    LedgerClient ledger;

    @Autowired
    KnownParties knownParties;

    private void book(LocalDate today, String type, String json) {
        ledger.today(today);
        ledger.submit(type, json);
    }

    /** Debtor S-DD1 owes 300.00 (issued 10 January 2031) and 50.00 (issued 20 January) under mandate M-DD1. */
    private void debtorUnderMandate() {
        LocalDate january = LocalDate.of(2031, 1, 10);
        book(january, "RegisterParticipant", """
                {"commandId":"dd-reg","participantId":"GEM-DD","name":"Gemeente DD","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""");
        book(january, "ImposeAssessment", """
                {"commandId":"dd-imp-1","assessmentId":"A-DD1","debtorId":"S-DD1","issueDate":"2031-01-10",
                 "dueDate":"2031-03-10","lines":[{"lineId":"L1","participantId":"GEM-DD","taxType":"OZB",
                 "taxYear":2031,"amount":"300.00"}]}""");
        book(january.plusDays(10), "ImposeAssessment", """
                {"commandId":"dd-imp-2","assessmentId":"A-DD2","debtorId":"S-DD1","issueDate":"2031-01-20",
                 "dueDate":"2031-03-20","lines":[{"lineId":"L1","participantId":"GEM-DD","taxType":"RIOOLHEFFING",
                 "taxYear":2031,"amount":"50.00"}]}""");
        book(january.plusDays(10), "RegisterDirectDebitMandate", """
                {"commandId":"dd-mandate","debtorId":"S-DD1","mandateId":"M-DD1","iban":"%s",
                 "signedDate":"2031-01-20"}""".formatted(DEBTOR_IBAN));
    }

    /**
     * The February run on the debtor under its mandate. Both tests call it: the ledger is shared and its commands
     * are idempotent (same commandId and body: the first result), so whichever runs second changes nothing.
     */
    private void februaryRun() {
        debtorUnderMandate();
        book(LocalDate.of(2031, 2, 25), "PrepareDirectDebitRun", """
                {"commandId":"dd-run-feb","collectionDate":"2031-02-28"}""");
    }

    @Test
    void a_prepared_run_downloads_as_a_pain008_valid_against_the_official_schema() throws Exception {
        februaryRun();
        RestClient accountant = ledger.httpAs("dd-accountant", Role.ACCOUNTANT);

        ResponseEntity<byte[]> file = accountant
                .get()
                .uri("/api/direct-debit-runs/2031-02-28/pain008.xml")
                .retrieve()
                .toEntity(byte[].class);

        assertThat(file.getStatusCode().value()).isEqualTo(200);
        String xml = new String(file.getBody(), StandardCharsets.UTF_8);
        OfficialXsd.PAIN_008.validate(xml);
        // first term of each: 300.00 / 10 and 50.00 / 10, both the mandate's first collection
        assertThat(xml)
                .contains("<MsgId>DD20310228</MsgId>", "<SeqTp>FRST</SeqTp>", "<ReqdColltnDt>2031-02-28</ReqdColltnDt>")
                .contains("<EndToEndId>DD20310228-1</EndToEndId>", "<EndToEndId>DD20310228-2</EndToEndId>")
                .contains("<CtrlSum>35.00</CtrlSum>", "<MndtId>M-DD1</MndtId>", "<IBAN>" + DEBTOR_IBAN + "</IBAN>")
                .doesNotContain("<SeqTp>RCUR</SeqTp>");
    }

    @Test
    void the_mandates_next_run_is_recurring_and_listed() throws Exception {
        februaryRun();
        book(LocalDate.of(2031, 3, 26), "PrepareDirectDebitRun", """
                {"commandId":"dd-run-mar","collectionDate":"2031-03-31"}""");
        RestClient clerk = ledger.httpAs("dd-clerk", Role.CLERK);

        String xml = clerk.get()
                .uri("/api/direct-debit-runs/2031-03-31/pain008.xml")
                .retrieve()
                .body(String.class);
        JsonNode runs = clerk.get().uri("/api/direct-debit-runs").retrieve().body(JsonNode.class);

        OfficialXsd.PAIN_008.validate(xml);
        assertThat(xml).contains("<SeqTp>RCUR</SeqTp>").doesNotContain("<SeqTp>FRST</SeqTp>");
        assertThat(runs.findValuesAsString("collectionDate")).contains("2031-02-28", "2031-03-31");
    }

    @Test
    void a_credit_with_our_end_to_end_id_settles_its_collection_by_rule_one() {
        februaryRun();
        book(LocalDate.of(2031, 3, 3), "RegisterBankAccount", """
                {"commandId":"dd-account","iban":"%s","purpose":"DIRECT_DEBIT","name":"Incasso"}""".formatted(COLLECTION_ACCOUNT));
        RestClient clerk = ledger.httpAs("dd-clerk", Role.CLERK);

        JsonNode answer = clerk.post()
                .uri("/api/bank-statements")
                .contentType(MediaType.APPLICATION_XML)
                .body(statementCrediting("DD20310228-1", 30_00, "DD20310228-2", 5_00))
                .retrieve()
                .body(JsonNode.class);

        assertThat(answer.path("directed").asInt()).as("answer %s", answer).isEqualTo(2);
        assertThat(answer.findValuesAsString("matchedBy")).containsExactly("DIRECT_DEBIT", "DIRECT_DEBIT");
        assertThat(answer.findValuesAsString("assessmentId")).containsExactly("A-DD1", "A-DD2");
        JsonNode directDebit = ledger.get("/api/debtors/S-DD1/direct-debit");
        assertThat(directDebit.findValuesAsString("endToEndId")).contains("DD20310228-1", "DD20310228-2");
        assertThat(directDebit.findValues("collectedCents").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(35_00);
        assertThat(directDebit.findValuesAsString("status")).containsExactly("ACTIVE");
    }

    @Test
    void our_own_collection_is_found_by_its_end_to_end_id_for_the_r_transactions() {
        februaryRun();

        assertThat(knownParties.ownCollection("DD20310228-2"))
                .contains(new KnownParties.OwnCollection(
                        "DD20310228-2", "S-DD1", "M-DD1", "A-DD2", LocalDate.of(2031, 2, 28), 5_00));
        assertThat(knownParties.ownCollection("DD20310228-9")).isEmpty();
    }

    /** A camt.053.001.02 statement of the collection account on 28 February 2031: one credit entry per collection. */
    private static String statementCrediting(
            String firstEndToEndId, long firstCents, String secondEndToEndId, long secondCents) {
        String euros = Money.format(firstCents + secondCents);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>DD-TEST-20310228</MsgId><CreDtTm>2031-03-01T06:15:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>DD-TEST-20310228</Id><ElctrncSeqNb>1</ElctrncSeqNb>
                <CreDtTm>2031-03-01T06:15:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%1$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2031-02-28</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%2$s</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2031-02-28</Dt></Dt></Bal>
                %3$s%4$s</Stmt></BkToCstmrStmt></Document>
                """.formatted(
                        COLLECTION_ACCOUNT,
                        euros,
                        entry("DDTEST1", firstEndToEndId, firstCents),
                        entry("DDTEST2", secondEndToEndId, secondCents));
    }

    private static String entry(String servicerRef, String endToEndId, long cents) {
        return """
                <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2031-02-28</Dt></BookgDt><ValDt><Dt>2031-02-28</Dt></ValDt>
                <AcctSvcrRef>%2$s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>%3$s</EndToEndId></Refs>
                <RltdPties><Dbtr><Nm>J. Jansen</Nm></Dbtr><DbtrAcct><Id><IBAN>%4$s</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>Belastingen termijn</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """.formatted(Money.format(cents), servicerRef, endToEndId, DEBTOR_IBAN);
    }
}
