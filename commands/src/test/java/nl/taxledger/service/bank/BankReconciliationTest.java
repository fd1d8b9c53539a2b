package nl.taxledger.service.bank;

import static nl.taxledger.service.bank.CamtFile.Message.CAMT_053_02;
import static nl.taxledger.service.bank.CamtFile.Message.CAMT_053_08;
import static nl.taxledger.service.bank.CamtFile.structured;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statement debits and the bank reconciliation (domain.md §9) through the real service, on the collector's own
 * account (where payouts leave and typed-in payments are counted): a debit with the EndToEndId of a released refund
 * marks it executed, bank costs stay unreconciled, and the reconciliation explains the difference to the cent.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=bank-reconciliation")
class BankReconciliationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOUSE = "NL02ABNA0123456789"; // ledger.collector.iban
    private static final String DEBTOR_IBAN = "NL20INGB0001234567";
    private static final Actor CLERK = LedgerClient.CLERK;
    private static final Actor SUPERVISOR = new Actor("sanne", null, "test");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    LedgerClient ledger;

    @Autowired
    BankStatementImport statements;

    @Autowired
    JdbcTemplate jdbc;

    private static boolean prepared;
    private static BankImportAnswer firstImport;

    /**
     * Once for the class (its own ledger): the house account; an assessment of 100.00 paid 150.00 by hand on 1 March,
     * so 50.00 credit; refunds R1 (20.00) and R2 (30.00) released in one batch; then the day statement of 2 March:
     * opening 1,000.00, a payment of 40.00, R1 executed, 7.50 bank costs.
     */
    @BeforeEach
    void aRefundBatchReleasedAndOneDayStatement() {
        if (prepared) {
            return;
        }
        ledger.today(LocalDate.of(2026, 3, 1));
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-house","iban":"%s","purpose":"PAYOUT","name":"Betaalrekening"}""".formatted(HOUSE));
        ledger.submit("RegisterParticipant", """
                {"commandId":"reg-REC","participantId":"REC","name":"Gemeente REC","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""");
        ledger.submit("ImposeAssessment", """
                {"commandId":"imp-REC","assessmentId":"A-REC","debtorId":"S-REC","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","paymentReference":"5555666677778888","lines":[{"lineId":"L1",
                 "participantId":"REC","taxType":"OZB","taxYear":2026,"amount":"100.00"}]}""");
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-REC","paymentId":"P-REC","amount":"150.00","reference":"5555666677778888",
                 "valueDate":"2026-03-01"}""");
        for (String[] refund : List.of(new String[] {"R1", "20.00"}, new String[] {"R2", "30.00"})) {
            ledger.submitAs(CLERK, "PayRefund", """
                    {"commandId":"%s","debtorId":"S-REC","amount":"%s","valueDate":"2026-03-01","iban":"%s"}""".formatted(refund[0], refund[1], DEBTOR_IBAN));
        }
        ledger.submitAs(SUPERVISOR, "ApproveRefunds", """
                {"commandId":"approve-REC"}""");
        ledger.today(LocalDate.of(2026, 3, 3));
        firstImport = load(day1());
        prepared = true;
    }

    private static CamtFile day1() {
        return CamtFile.of(CAMT_053_02, HOUSE, "REC-1", 1)
                .opening(100_000)
                .credit("REC0001", structured(4_000, "5555 6666 7777 8888", DEBTOR_IBAN, "J. Jansen"))
                .payout("REC0002", 2_000, "TERUG-R1", DEBTOR_IBAN, "Debiteur S-REC")
                .bankCosts("REC0003", 750, "Kosten zakelijk betalingsverkeer");
    }

    private BankImportAnswer load(CamtFile file) {
        return statements.importFile(file.xml(), new BankStatementImport.Options(false, null, null), CLERK);
    }

    private JsonNode reconciliation(String date) {
        return ledger.get("/api/bank-reconciliation?account=" + HOUSE + "&date=" + date);
    }

    @Test
    void a_debit_with_the_end_to_end_id_of_a_released_refund_marks_it_executed_once() {
        List<String> executions = jdbc.queryForList(
                "SELECT iban || ' ' || payment_id || ' ' || amount_cents"
                        + " FROM payout_execution WHERE end_to_end_id = 'TERUG-R1'",
                String.class);
        long events = ledger.events();

        BankImportAnswer again = load(day1());

        assertThat(firstImport.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("BOOKED", "PAYOUT_EXECUTED", "UNRECONCILED_DEBIT");
        assertThat(firstImport.transactions().get(2).bankText()).isEqualTo("Kosten zakelijk betalingsverkeer");
        assertThat(executions).containsExactly(HOUSE + " REC0002:1 2000");
        assertThat(again.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("ALREADY_BOOKED", "ALREADY_BOOKED", "UNRECONCILED_DEBIT");
        assertThat(again.transactions().get(1).payout()).isEqualTo("TERUG-R1");
        assertThat(ledger.events()).as("a re-import records nothing").isEqualTo(events);
    }

    @Test
    void bank_costs_and_a_second_debit_of_an_executed_payout_are_unreconciled_and_never_booked_to_a_debtor() {
        long events = ledger.events();

        BankImportAnswer second = load(CamtFile.of(CAMT_053_08, HOUSE, "REC-2", 2)
                .on(DAY.plusDays(1))
                .opening(101_250)
                .payout("REC0101", 2_000, "TERUG-R1", DEBTOR_IBAN, "Debiteur S-REC")
                .payout("REC0102", 990, "TERUG-UNKNOWN", DEBTOR_IBAN, "Iemand"));

        assertThat(second.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("UNRECONCILED_DEBIT", "UNRECONCILED_DEBIT");
        assertThat(second.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::payout)
                .containsOnlyNulls();
        assertThat(ledger.events() - events).as("the statement only").isEqualTo(1);
    }

    @Test
    void the_reconciliation_explains_the_difference_item_by_item_and_leaves_nothing_unexplained() {
        JsonNode report = reconciliation("2026-03-02");

        // statement: 1000.00 + 40.00 - 20.00 - 7.50; ledger: 150.00 + 40.00 - 20.00 - 30.00
        assertThat(report.path("statementClosingBalance").asString()).isEqualTo("1012.50");
        assertThat(report.path("ledgerBankBalance").asString()).isEqualTo("140.00");
        assertThat(report.path("difference").asString()).isEqualTo("872.50");
        assertThat(items(report))
                .containsExactlyInAnyOrder(
                        "OPENING_BALANCE REC-1 null 1000.00",
                        "UNRECONCILED_DEBIT REC-1 debit:" + HOUSE + "|ref|REC0003:1 -7.50",
                        "PAYOUT_NOT_EXECUTED null payout:TERUG-R2 30.00",
                        "RECEIPT_NOT_ON_STATEMENT null payment:P-REC -150.00");
        assertThat(report.path("unexplained").asString()).isEqualTo("0.00");
        assertThat(report.path("where").size()).isZero();
    }

    @Test
    void before_the_first_statement_the_report_says_there_is_none() {
        JsonNode report = reconciliation("2026-03-01");

        assertThat(report.path("statementClosingBalance").isNull()).isTrue();
        assertThat(report.path("where").get(0).asString()).contains("no statement");
    }

    private static List<String> items(JsonNode report) {
        return report.path("items")
                .valueStream()
                .map(item -> item.path("kind").asString() + " "
                        + item.path("statementId").asString(null) + " "
                        + item.path("reference").asString(null) + " "
                        + item.path("amount").asString())
                .toList();
    }

    @Test
    void the_as_of_report_downloads_as_csv_and_xlsx_for_the_accountant() throws Exception {
        var accountant = ledger.httpAs("ada", Role.ACCOUNTANT);
        String path = "/api/bank-reconciliation?account=" + HOUSE + "&date=2026-03-02&format=";

        ResponseEntity<byte[]> csv =
                accountant.get().uri(path + "csv").retrieve().toEntity(byte[].class);
        ResponseEntity<byte[]> xlsx =
                accountant.get().uri(path + "xlsx").retrieve().toEntity(byte[].class);

        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("line,statementId,reference,text,amount\n")
                .contains("STATEMENT_CLOSING_BALANCE,REC-1," + HOUSE + ",per 2026-03-02,1012.50\n")
                .contains("PAYOUT_NOT_EXECUTED,,payout:TERUG-R2,,30.00\n")
                .contains("UNEXPLAINED,,,,0.00\n");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("bankreconciliatie-" + HOUSE + "-2026-03-02.csv");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            List<String> firstColumn = workbook.getFirstSheet().read().stream()
                    .map(row -> row.getCellText(0))
                    .toList();
            assertThat(firstColumn).contains("LEDGER_BANK_BALANCE", "UNRECONCILED_DEBIT", "UNEXPLAINED");
        }
    }

    @Test
    void an_overlapping_statement_accepted_as_a_gap_books_nothing_twice_and_the_reconciliation_pairs_it() {
        String ing = "NL42INGB8340629042";
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-ing","iban":"%s","purpose":"RECEIPTS","name":"Ontvangsten ING"}""".formatted(ing));
        load(CamtFile.of(CAMT_053_08, ing, "OV-1", 1)
                .opening(50_000)
                .credit("OV01", structured(4_000, "5555666677778888", DEBTOR_IBAN, "J. Jansen")));
        // the bank sends the day again under another id, with one more transaction: it opens where OV-1 opened
        CamtFile overlap = CamtFile.of(CAMT_053_08, ing, "OV-2", 2)
                .opening(50_000)
                .credit("OV01", structured(4_000, "5555666677778888", DEBTOR_IBAN, "J. Jansen"))
                .credit("OV02", structured(1_000, "5555666677778888", DEBTOR_IBAN, "J. Jansen"));

        BankImportAnswer answer = statements.importFile(
                overlap.xml(), new BankStatementImport.Options(true, "dag opnieuw gestuurd", null), CLERK);
        JsonNode report = ledger.get("/api/bank-reconciliation?account=" + ing + "&date=2026-03-02");

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("ALREADY_BOOKED", "BOOKED");
        assertThat(report.path("statementClosingBalance").asString()).isEqualTo("550.00");
        assertThat(report.path("ledgerBankBalance").asString()).isEqualTo("50.00");
        assertThat(items(report))
                .containsExactlyInAnyOrder(
                        "OPENING_BALANCE OV-1 null 500.00",
                        "ACCEPTED_GAP OV-2 null -40.00",
                        "AMOUNT_DIFFERS OV-1 payment:OV01:1 40.00");
        assertThat(report.path("unexplained").asString()).isEqualTo("0.00");
    }
}
