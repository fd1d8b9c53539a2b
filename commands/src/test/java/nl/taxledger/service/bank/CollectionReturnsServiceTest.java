package nl.taxledger.service.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.bank.KnownParties;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.commandapi.GroupCommit;
import nl.taxledger.service.directdebit.DirectDebitQuery;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-transactions through the real service (domain.md §10): pain.002 rejects and camt.054/053 returns of our own
 * collections, matched on the EndToEndId alone, each collection failing once. The collections of the runs are given
 * by a {@link KnownParties} that knows this test's EndToEndIds (the runs themselves are built elsewhere); everything
 * else is the service's own. Each test has its own account, debtor and EndToEndIds, so the tests share one ledger.
 */
@LedgerServiceTest
class CollectionReturnsServiceTest {
    private static final AtomicInteger TESTS = new AtomicInteger(500);
    private static final BankStatementImport.Options NO_GAP = new BankStatementImport.Options(false, null, null);

    @Autowired
    LedgerClient client;

    @Autowired
    CommandService commands;

    @Autowired
    KnownParties jdbcKnownParties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupCommit groups;

    @Autowired
    LedgerClock clock;

    @Autowired
    CollectionReturns returns;

    @Autowired
    PayoutDebits payouts;

    @Autowired
    DebtorAccountQuery debtors;

    @Autowired
    DirectDebitQuery mandates;

    private final Map<String, KnownParties.OwnCollection> runs = new HashMap<>();
    private BankStatementImport files;
    private String tag;
    private String account;
    private String debtor;
    private String assessment;

    /** The service's own lookups, plus the collections of the runs this test issued. */
    private final class WithRuns implements KnownParties {
        @Override
        public Optional<OwnCollection> ownCollection(String endToEndId) {
            return Optional.ofNullable(runs.get(endToEndId));
        }

        @Override
        public Optional<Directed> collection(String endToEndId) {
            return ownCollection(endToEndId).map(c -> new Directed(c.assessmentId(), c.debtorId(), c.endToEndId()));
        }

        @Override
        public Map<String, List<Directed>> assessmentsByReference(java.util.Collection<String> referencesUpper) {
            return jdbcKnownParties.assessmentsByReference(referencesUpper);
        }

        @Override
        public java.util.Set<String> debtorsAmong(java.util.Collection<String> tokensUpper) {
            return jdbcKnownParties.debtorsAmong(tokensUpper);
        }

        @Override
        public java.util.Set<String> debtorsOfIban(String iban) {
            return jdbcKnownParties.debtorsOfIban(iban);
        }
    }

    @BeforeEach
    void aDebtorWithAMandate() {
        clock.setToday(LocalDate.of(2026, 6, 1));
        int n = TESTS.incrementAndGet();
        tag = "RT" + n;
        debtor = "S-" + tag;
        assessment = "A-" + tag;
        account = new Iban.Builder()
                .countryCode(CountryCode.NL)
                .bankCode("RABO")
                .accountNumber(String.format("%010d", n))
                .build()
                .toString();
        client.registerAndImpose(tag);
        client.submit("RegisterBankAccount", """
                {"commandId":"acct-%s","iban":"%s","purpose":"DIRECT_DEBIT","name":"Incasso"}""".formatted(tag, account));
        client.submit("RegisterDirectDebitMandate", """
                {"commandId":"mandate-%1$s","debtorId":"%2$s","mandateId":"M-%1$s","iban":"NL63ASNB6979119958",
                 "signedDate":"2026-03-04"}""".formatted(tag, debtor));
        files = new BankStatementImport(commands, new WithRuns(), jdbc, groups, clock, returns, payouts);
    }

    /** A transaction of a run of this test: {@code DD<date>-<tag>} for 50.00 of A-tag under M-tag. */
    private String collected(String collectionDate) {
        String endToEndId = "DD" + collectionDate.replace("-", "") + "-" + tag;
        runs.put(
                endToEndId,
                new KnownParties.OwnCollection(
                        endToEndId, debtor, "M-" + tag, assessment, LocalDate.parse(collectionDate), 50_00));
        return endToEndId;
    }

    private BankImportAnswer load(byte[] xml) {
        return files.importFile(xml, NO_GAP, LedgerClient.CLERK);
    }

    private long openCents() {
        client.awaitProjections();
        DebtorAccountQuery.AssessmentBalance balance =
                debtors.find(debtor).orElseThrow().assessment(assessment).orElseThrow();
        return balance.openCostsCents() + balance.openInterestCents() + balance.openPrincipalCents();
    }

    private List<String> factsOfDebtor(String type) {
        return jdbc.queryForList(
                "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                        + " AND payloadtype LIKE ? ORDER BY globalindex",
                String.class,
                debtor,
                "%" + type);
    }

    private BankImportAnswer settle(String endToEndId, String servicerRef, long sequence) {
        return load(RTransactionFiles.statement(
                account,
                tag + "-S" + sequence,
                sequence,
                0,
                RTransactionFiles.settlementEntry(servicerRef, endToEndId, 50_00),
                50_00));
    }

    @Test
    void a_pain_002_reject_of_our_collection_is_a_failed_collection_and_books_no_money() {
        String endToEndId = collected("2026-03-31");

        BankImportAnswer answer = load(RTransactionFiles.reject(tag + "-P1", endToEndId, "AM04", 50_00));

        assertThat(answer.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.outcome()).isEqualTo("FAILURE_RECORDED");
            assertThat(tx.endToEndId()).isEqualTo(endToEndId);
            assertThat(tx.reasonCode()).isEqualTo("AM04");
            assertThat(tx.debtorId()).isEqualTo(debtor);
        });
        assertThat(answer.payments()).isZero();
        assertThat(factsOfDebtor("DirectDebitCollectionFailed")).hasSize(1);
        assertThat(openCents()).isEqualTo(500_00);
    }

    @Test
    void a_second_report_of_the_same_reject_is_answered_already_failed_and_books_nothing() {
        String endToEndId = collected("2026-03-31");
        load(RTransactionFiles.reject(tag + "-P1", endToEndId, "AM04", 50_00));
        long before = client.events();

        BankImportAnswer again = load(RTransactionFiles.reject(tag + "-P2", endToEndId, "AM04", 50_00));

        assertThat(again.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("ALREADY_FAILED");
        assertThat(client.events()).isEqualTo(before);
    }

    @Test
    void a_reject_of_an_end_to_end_id_that_is_not_ours_is_reported_and_not_booked() {
        long before = client.events();

        BankImportAnswer answer = load(RTransactionFiles.reject(tag + "-P1", "DD20260331-NOT-" + tag, "AM04", 50_00));

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("UNKNOWN_COLLECTION");
        assertThat(client.events()).isEqualTo(before);
    }

    @Test
    void a_rejected_payment_block_without_transactions_is_reported_as_a_rejected_file_not_as_failures() {
        long before = client.events();

        BankImportAnswer answer = load(RTransactionFiles.blockRejected(tag + "-P1"));

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("FILE_REJECTED");
        assertThat(client.events()).isEqualTo(before);
    }

    @Test
    void a_return_on_a_camt_054_reverses_the_settled_collection_and_fails_it() {
        String endToEndId = collected("2026-04-30");
        settle(endToEndId, tag + "-C1", 1);
        assertThat(openCents()).isEqualTo(450_00);

        BankImportAnswer answer = load(RTransactionFiles.returnNotification(
                false, account, tag + "-N1", tag + "-R1", endToEndId, "MD06", 50_00));

        assertThat(answer.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.outcome()).isEqualTo("RETURN_BOOKED");
            assertThat(tx.reasonCode()).isEqualTo("MD06");
            assertThat(tx.assessmentId()).isEqualTo(assessment);
        });
        assertThat(answer.payments()).isZero();
        assertThat(openCents()).isEqualTo(500_00);
        assertThat(jdbc.queryForObject(
                        "SELECT reason_code FROM lookup_reversed_payment WHERE payment_id = ?",
                        String.class,
                        tag + "-C1:1"))
                .isEqualTo("MD06");
        assertThat(factsOfDebtor("DirectDebitCollectionFailed")).hasSize(1);
    }

    @Test
    void a_return_in_a_camt_054_001_08_is_read_the_same() {
        String endToEndId = collected("2026-04-30");
        settle(endToEndId, tag + "-C1", 1);

        BankImportAnswer answer = load(RTransactionFiles.returnNotification(
                true, account, tag + "-N1", tag + "-R1", endToEndId, "AM04", 50_00));

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("RETURN_BOOKED");
        assertThat(openCents()).isEqualTo(500_00);
    }

    @Test
    void the_same_return_on_the_day_statement_after_the_notification_is_booked_once() {
        String endToEndId = collected("2026-04-30");
        settle(endToEndId, tag + "-C1", 1);
        load(RTransactionFiles.returnNotification(false, account, tag + "-N1", tag + "-R1", endToEndId, "MD06", 50_00));
        long before = client.events();

        BankImportAnswer statement = load(RTransactionFiles.statement(
                account,
                tag + "-S2",
                2,
                50_00,
                RTransactionFiles.returnEntry(tag + "-R1", endToEndId, "MD06", 50_00),
                -50_00));

        assertThat(statement.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("RETURN_ALREADY_BOOKED");
        // the statement itself is recorded (its balances), but no storno or failure twice
        assertThat(client.events()).isEqualTo(before + 1);
        assertThat(openCents()).isEqualTo(500_00);
    }

    @Test
    void a_return_whose_settlement_is_not_booked_books_nothing_and_is_listed() {
        String endToEndId = collected("2026-04-30");
        long before = client.events();

        BankImportAnswer answer = load(RTransactionFiles.returnNotification(
                false, account, tag + "-N1", tag + "-R1", endToEndId, "MD06", 50_00));

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("RETURN_NOT_SETTLED");
        assertThat(client.events()).isEqualTo(before);
    }

    @Test
    void a_returned_debit_with_an_end_to_end_id_that_is_not_ours_is_unreconciled() {
        long before = client.events();

        BankImportAnswer answer = load(RTransactionFiles.returnNotification(
                false, account, tag + "-N1", tag + "-R1", "SOMEONE-ELSES-" + tag, "MD06", 50_00));

        assertThat(answer.transactions())
                .extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("UNRECONCILED_DEBIT");
        assertThat(client.events()).isEqualTo(before);
    }

    @Test
    void a_reject_a_return_and_a_reject_of_three_collection_dates_end_the_mandate_and_the_debt_falls_due() {
        load(RTransactionFiles.reject(tag + "-P1", collected("2026-03-31"), "AM04", 50_00));
        String april = collected("2026-04-30");
        settle(april, tag + "-C1", 1);
        load(RTransactionFiles.returnNotification(false, account, tag + "-N1", tag + "-R1", april, "AM04", 50_00));
        assertThat(mandates.mandate(debtor, "M-" + tag).orElseThrow().status()).isEqualTo("ACTIVE");

        load(RTransactionFiles.reject(tag + "-P2", collected("2026-05-29"), "MS03", 50_00));

        DirectDebitQuery.Mandate mandate = mandates.mandate(debtor, "M-" + tag).orElseThrow();
        assertThat(mandate.status()).isEqualTo("ENDED");
        assertThat(mandate.endReason()).isEqualTo("THREE_FAILURES");
        assertThat(mandate.endedOn()).isEqualTo(clock.today());
        assertThat(factsOfDebtor("DirectDebitDebtFellDue")).hasSize(1);
    }

    @Test
    void a_status_report_that_is_not_valid_against_the_pain_002_schema_is_refused_with_its_place() {
        byte[] accepted = new String(
                        RTransactionFiles.reject(tag + "-P1", collected("2026-03-31"), "AM04", 50_00),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("<TxSts>RJCT</TxSts>", "<TxSts>ACCP</TxSts>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> load(accepted)).isInstanceOfSatisfying(LedgerRejection.class, rejection -> {
            assertThat(rejection.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(rejection.getMessage()).contains("pain.002.001.03").contains("line");
        });
    }

    @Test
    void the_test_files_are_valid_against_the_official_schemas() {
        CamtSchemas schemas = new CamtSchemas();
        String endToEndId = collected("2026-03-31");

        assertThat(schemas.validate(RTransactionFiles.reject("P", endToEndId, "AM04", 1_00)))
                .isEqualTo(CamtSchemas.PAIN_002_03);
        assertThat(schemas.validate(RTransactionFiles.blockRejected("P"))).isEqualTo(CamtSchemas.PAIN_002_03);
        assertThat(schemas.validate(
                        RTransactionFiles.returnNotification(false, account, "N", "R", endToEndId, "MD06", 1_00)))
                .isEqualTo(CamtSchemas.CAMT_054_02);
        assertThat(schemas.validate(
                        RTransactionFiles.returnNotification(true, account, "N", "R", endToEndId, "MD06", 1_00)))
                .isEqualTo(CamtSchemas.CAMT_054_08);
        assertThat(schemas.validate(RTransactionFiles.statement(
                        account, "S", 1, 0, RTransactionFiles.settlementEntry("C", endToEndId, 1_00), 1_00)))
                .isEqualTo(CamtSchemas.CAMT_053_02);
    }

    @Test
    void a_mandate_revoked_by_the_debtor_ends_and_its_debt_falls_due() {
        client.submit("EndDirectDebitMandate", """
                {"commandId":"end-%1$s","debtorId":"%2$s","mandateId":"M-%1$s","reason":"REVOKED",
                 "date":"2026-05-31"}""".formatted(tag, debtor));

        DirectDebitQuery.Mandate mandate = mandates.mandate(debtor, "M-" + tag).orElseThrow();
        assertThat(mandate.endReason()).isEqualTo("REVOKED");
        assertThat(mandate.endedOn()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(factsOfDebtor("DirectDebitDebtFellDue")).hasSize(1);
    }

    @Test
    void an_end_by_the_collector_without_explanation_is_refused_at_the_door() {
        assertThatThrownBy(() -> client.submit("EndDirectDebitMandate", """
                        {"commandId":"end-%1$s","debtorId":"%2$s","mandateId":"M-%1$s","reason":"ENDED_BY_COLLECTOR",
                         "date":"2026-05-31"}""".formatted(tag, debtor)))
                .isInstanceOfSatisfying(LedgerRejection.class, rejection -> assertThat(rejection.code())
                        .isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
