package nl.taxledger.service.bank;

import static nl.taxledger.service.bank.CamtFile.Message.CAMT_053_02;
import static nl.taxledger.service.bank.CamtFile.structured;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.directdebit.DirectDebitQuery;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Edges of the bank files and the direct-debit runs through the real service (domain.md §9, §10), each test with its
 * own debtor, account and tax year (so its own collection dates), on a ledger of this class alone: references that
 * differ only in case, a payout debit of another amount, a mandate whose IBAN was erased, a returned collection on
 * the debtor's page, and a failed last term.
 */
@LedgerServiceTest
@TestPropertySource(properties = {"ledger.test.own-ledger=bank-edges", "ledger.direct-debit.term-counts.2029=2"})
class BankEdgesServiceTest {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger(700);
    private static final BankStatementImport.Options NO_GAP = new BankStatementImport.Options(false, null, null);
    private static final Actor CLERK = LedgerClient.CLERK;
    private static final Actor SUPERVISOR = new Actor("sanne", null, "test");
    private static final String DEBTOR_IBAN = "NL20INGB0001234567";

    @Autowired
    LedgerClient ledger;

    @Autowired
    BankStatementImport statements;

    @Autowired
    DirectDebitQuery directDebit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerClock clock;

    /** A fresh account of the collector with {@code purpose}, so each test's statements start their own sequence. */
    private String account(String purpose) {
        String iban = new Iban.Builder()
                .countryCode(CountryCode.NL)
                .bankCode("RABO")
                .accountNumber(String.format("%010d", ACCOUNTS.incrementAndGet()))
                .build()
                .toString();
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-%1$s","iban":"%1$s","purpose":"%2$s","name":"Rekening"}""".formatted(iban, purpose));
        return iban;
    }

    private void impose(String key, String reference, LocalDate issued, int taxYear, String amount) {
        ledger.today(issued);
        ledger.submit("RegisterParticipant", """
                {"commandId":"reg-%1$s","participantId":"GEM-%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(key));
        ledger.submit("ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"%2$s",
                 "dueDate":"%3$s","paymentReference":"%4$s","lines":[{"lineId":"L1","participantId":"GEM-%1$s",
                 "taxType":"OZB","taxYear":%5$d,"amount":"%6$s"}]}""".formatted(key, issued, issued.plusMonths(2), reference, taxYear, amount));
    }

    /** Debtor S-key owes {@code amount} of tax year {@code year}, issued 10 January, under mandate M-key. */
    private void underMandate(String key, int year, String amount) {
        LocalDate issued = LocalDate.of(year, 1, 10);
        impose(key, "REF-" + key, issued, year, amount);
        ledger.submit("RegisterDirectDebitMandate", """
                {"commandId":"mandate-%1$s","debtorId":"S-%1$s","mandateId":"M-%1$s","iban":"%2$s",
                 "signedDate":"%3$s"}""".formatted(key, DEBTOR_IBAN, issued.plusDays(1)));
    }

    private void run(LocalDate collectionDate) {
        ledger.today(collectionDate.minusDays(3));
        ledger.submit("PrepareDirectDebitRun", """
                {"commandId":"run-%1$s","collectionDate":"%1$s"}""".formatted(collectionDate));
    }

    private String endToEndIdOf(String debtorId, LocalDate collectionDate) {
        return directDebit.collections(collectionDate).stream()
                .filter(c -> c.debtorId().equals(debtorId))
                .findFirst()
                .orElseThrow()
                .endToEndId();
    }

    private BankImportAnswer load(byte[] xml) {
        return statements.importFile(xml, NO_GAP, CLERK);
    }

    @Test
    void a_reference_that_two_assessments_share_but_for_case_goes_to_suspense_as_ambiguous() {
        impose("CASE1", "ozb-2026-case", LocalDate.of(2026, 3, 1), 2026, "100.00");
        impose("CASE2", "OZB-2026-CASE", LocalDate.of(2026, 3, 1), 2026, "100.00");
        ledger.today(LocalDate.of(2026, 3, 5));
        String receipts = account("RECEIPTS");

        BankImportAnswer answer = load(CamtFile.of(CAMT_053_02, receipts, "CASE-1", 1)
                .opening(0)
                .credit("CASE0001", structured(100_00, "OZB-2026-CASE", DEBTOR_IBAN, "J. Jansen"))
                .credit("CASE0002", CamtFile.text(100_00, "aanslag ozb-2026-case", null, "J. Jansen"))
                .xml());

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::suspenseReason)
                .containsExactly("AMBIGUOUS_REFERENCE", "AMBIGUOUS_REFERENCE");
        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::debtorId)
                .containsOnlyNulls();
    }

    @Test
    void the_same_file_imported_twice_at_once_books_each_transaction_once_and_neither_import_fails() throws Exception {
        impose("TWICE", "REF-TWICE", LocalDate.of(2026, 3, 1), 2026, "100.00");
        ledger.today(LocalDate.of(2026, 3, 5));
        String receipts = account("RECEIPTS");
        byte[] xml = CamtFile.of(CAMT_053_02, receipts, "TWICE-1", 1)
                .opening(0)
                .credit("TWICE0001", structured(40_00, "REF-TWICE", DEBTOR_IBAN, "J. Jansen"))
                .credit("TWICE0002", structured(10_00, "REF-TWICE", DEBTOR_IBAN, "J. Jansen"))
                .xml();
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<BankImportAnswer>> answers = List.of(
                    both.submit(() -> {
                        start.await();
                        return load(xml);
                    }),
                    both.submit(() -> {
                        start.await();
                        return load(xml);
                    }));
            start.countDown();
            int payments = 0;
            int alreadyBooked = 0;
            for (java.util.concurrent.Future<BankImportAnswer> answer : answers) {
                BankImportAnswer done = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                payments += done.payments();
                alreadyBooked += done.alreadyBooked();
            }

            assertThat(payments).as("each transaction booked by one of the two").isEqualTo(2);
            assertThat(alreadyBooked).as("and found booked by the other").isEqualTo(2);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM bank_transaction WHERE iban = ?", Long.class, receipts))
                    .isEqualTo(2);
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void a_debit_with_our_payout_id_and_another_amount_is_unreconciled_and_the_payout_not_executed() {
        impose("PAY", "REF-PAY", LocalDate.of(2026, 3, 1), 2026, "100.00");
        ledger.submit("ReceivePayment", """
                {"commandId":"pay-PAY","paymentId":"P-PAY","amount":"150.00","reference":"REF-PAY",
                 "valueDate":"2026-03-01"}""");
        ledger.submitAs(CLERK, "PayRefund", """
                {"commandId":"R-PAY","debtorId":"S-PAY","amount":"20.00","valueDate":"2026-03-01","iban":"%s"}""".formatted(DEBTOR_IBAN));
        ledger.submitAs(SUPERVISOR, "ApproveRefunds", """
                {"commandId":"approve-PAY"}""");
        ledger.today(LocalDate.of(2026, 3, 5));
        String payouts = account("PAYOUT");
        String refundId = jdbc.queryForObject(
                "SELECT end_to_end_id FROM payout_transfer WHERE kind = 'REFUND' AND amount_cents = 2000",
                String.class);

        BankImportAnswer other = load(CamtFile.of(CAMT_053_02, payouts, "PAY-1", 1)
                .opening(100_00)
                .payout("PAY0001", 19_00, refundId, DEBTOR_IBAN, "Debiteur S-PAY")
                .xml());
        long executions = jdbc.queryForObject(
                "SELECT count(*) FROM payout_execution WHERE end_to_end_id = ?", Long.class, refundId);
        BankImportAnswer same = load(CamtFile.of(CAMT_053_02, payouts, "PAY-2", 2)
                .on(LocalDate.of(2026, 3, 3))
                .opening(81_00)
                .payout("PAY0002", 20_00, refundId, DEBTOR_IBAN, "Debiteur S-PAY")
                .xml());

        assertThat(other.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("UNRECONCILED_DEBIT");
        assertThat(executions).as("19.00 does not execute a payout of 20.00").isZero();
        assertThat(same.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("PAYOUT_EXECUTED");
    }

    @Test
    void a_mandate_whose_iban_was_erased_is_not_collected_the_run_is_written_and_the_page_says_why() {
        underMandate("ERASED", 2027, "100.00");
        underMandate("KEPT", 2027, "100.00");
        jdbc.update("UPDATE counterparty_account SET iban = NULL WHERE account_ref ="
                + " (SELECT account_ref FROM dd_mandate WHERE mandate_id = 'M-ERASED')");
        LocalDate first =
                CollectionMoments.ofAssessment(LocalDate.of(2027, 1, 10), 10).get(0);

        run(first);
        ResponseEntity<byte[]> file = ledger.httpAs("edge-clerk", Role.CLERK)
                .get()
                .uri("/api/direct-debit-runs/" + first + "/pain008.xml")
                .retrieve()
                .toEntity(byte[].class);

        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(file.getBody(), StandardCharsets.UTF_8))
                .contains("<MndtId>M-KEPT</MndtId>")
                .doesNotContain("M-ERASED");
        JsonNode page = ledger.get("/api/debtors/S-ERASED/direct-debit");
        assertThat(page.path("mandates").get(0).path("ibanErased").asBoolean()).isTrue();
        assertThat(ledger.get("/api/debtors/S-KEPT/direct-debit")
                        .path("mandates")
                        .get(0)
                        .path("ibanErased")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_returned_collection_shows_nothing_collected_on_the_debtors_page() {
        underMandate("RET", 2028, "100.00");
        LocalDate first =
                CollectionMoments.ofAssessment(LocalDate.of(2028, 1, 10), 10).get(0);
        run(first);
        String endToEndId = endToEndIdOf("S-RET", first);
        ledger.today(first.plusDays(1));
        String collections = account("DIRECT_DEBIT");
        load(RTransactionFiles.statement(
                collections, "RET-S1", 1, 0, RTransactionFiles.settlementEntry("RET-C1", endToEndId, 10_00), 10_00));
        assertThat(collectedCents("S-RET")).as("settled").isEqualTo(10_00);

        ledger.today(first.plusDays(6));
        BankImportAnswer returned = load(RTransactionFiles.returnNotification(
                false, collections, "RET-N1", "RET-R1", endToEndId, "MD06", 10_00));

        assertThat(returned.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("RETURN_BOOKED");
        assertThat(collectedCents("S-RET")).as("returned").isZero();
    }

    @Test
    void a_settlement_names_the_runs_collection_date_and_mandate_whatever_its_value_date() {
        underMandate("LATE", 2030, "100.00");
        LocalDate first =
                CollectionMoments.ofAssessment(LocalDate.of(2030, 1, 10), 10).get(0);
        run(first);
        String endToEndId = endToEndIdOf("S-LATE", first);
        ledger.today(first.plusDays(4));
        String collections = account("DIRECT_DEBIT");

        // the test bank's settlement entries carry value date 30 April 2026, far from the collection date
        load(RTransactionFiles.statement(
                collections, "LATE-S1", 1, 0, RTransactionFiles.settlementEntry("LATE-C1", endToEndId, 10_00), 10_00));

        String payment = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = 'S-LATE'"
                        + " AND payloadtype LIKE '%PaymentReceived'",
                String.class);
        assertThat(payment)
                .contains("\"valueDate\":\"2026-04-30\"")
                .contains("\"collection\":{\"mandateId\":\"M-LATE\",\"collectionDate\":\"" + first + "\"}");
    }

    private long collectedCents(String debtorId) {
        return directDebit.terms(debtorId).stream()
                .mapToLong(DirectDebitQuery.Term::collectedCents)
                .sum();
    }

    @Test
    void a_failed_last_term_makes_the_remaining_debt_fall_due_at_once() {
        underMandate("LAST", 2029, "100.00"); // tax year 2029: two terms in this test
        List<LocalDate> moments = CollectionMoments.ofAssessment(LocalDate.of(2029, 1, 10), 2);
        run(moments.get(0));
        run(moments.get(1));
        String lastTerm = endToEndIdOf("S-LAST", moments.get(1));
        ledger.today(moments.get(1));

        BankImportAnswer rejected = load(RTransactionFiles.reject("LAST-P1", lastTerm, "AM04", 100_00));

        assertThat(rejected.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("FAILURE_RECORDED");
        List<String> fellDue = jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = 'S-LAST'"
                        + " AND payloadtype LIKE '%DirectDebitDebtFellDue'",
                String.class);
        assertThat(fellDue).singleElement().asString().contains("A-LAST").contains("10000");
        assertThat(directDebit.mandate("S-LAST", "M-LAST").orElseThrow().status())
                .as("one failure does not end the mandate")
                .isEqualTo("ACTIVE");
    }
}
