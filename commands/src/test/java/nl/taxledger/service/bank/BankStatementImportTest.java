package nl.taxledger.service.bank;

import static nl.taxledger.service.bank.CamtFile.Message.CAMT_053_02;
import static nl.taxledger.service.bank.CamtFile.Message.CAMT_053_08;
import static nl.taxledger.service.bank.CamtFile.Message.CAMT_054_02;
import static nl.taxledger.service.bank.CamtFile.Message.CAMT_054_08;
import static nl.taxledger.service.bank.CamtFile.structured;
import static nl.taxledger.service.bank.CamtFile.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statement import through the real service (domain.md §9): each camt version, the styles Dutch banks use, and the
 * whole-file checks. Every test works on its own bank account and debtors, so they share one ledger (and the one
 * service-test context with the other service tests).
 */
@LedgerServiceTest
class BankStatementImportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor TESTER = new Actor("tester", null, "test");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger(1000);
    private static final String JANSEN = "NL71INGB2432854578";

    @Autowired
    CommandService commands;
    @Autowired
    BankStatementImport statements;
    @Autowired
    BankPayments payments;
    @Autowired
    LedgerClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    nl.taxledger.service.eventstore.ProjectionSync projections;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private String account;
    private String tag;
    private int number;

    @BeforeEach
    void anAccountAndTwoAssessments() {
        clock.setToday(LocalDate.of(2026, 3, 3));
        int n = ACCOUNTS.incrementAndGet();
        number = n;
        tag = "BK" + n;
        account = iban("INGB", n);
        send("RegisterBankAccount", """
                {"commandId":"acct-%s","iban":"%s","purpose":"RECEIPTS","name":"Ontvangsten"}""".formatted(tag, account));
        if (n == 1001) {
            send("RegisterParticipant", """
                    {"commandId":"reg-BK","participantId":"GEM-BK","name":"Gemeente BK","iban":"NL91ABNA0417164300",
                     "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""");
        }
        impose("A1", reference(1), 30_000);
        impose("A2", reference(2), 15_000);
    }

    private void send(String type, String json) {
        commands.submit(type, JSON.readTree(json), TESTER);
    }

    private void impose(String assessment, String paymentReference, long cents) {
        send("ImposeAssessment", """
                {"commandId":"imp-%1$s-%2$s","assessmentId":"%1$s-%2$s","debtorId":"S-%1$s","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","paymentReference":"%3$s","lines":[{"lineId":"L1","participantId":"GEM-BK",
                 "taxType":"OZB","taxYear":2026,"amount":"%4$s"}]}"""
                .formatted(tag, assessment, paymentReference, java.math.BigDecimal.valueOf(cents, 2)));
    }

    private static String iban(String bank, int n) {
        return new Iban.Builder().countryCode(CountryCode.NL).bankCode(bank).accountNumber(String.format("%010d", n))
                .build().toString();
    }

    /** A 16-digit betalingskenmerk of this test's assessment {@code n}. */
    private String reference(int n) {
        return String.format("%012d%04d", number, n);
    }

    private String grouped(String kenmerk) {
        return kenmerk.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private BankImportAnswer load(CamtFile file) {
        return statements.importFile(file.xml(), new BankStatementImport.Options(false, null, null), TESTER);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private BankPayments.Payment payment(String paymentId) {
        return payments.find(paymentId).orElseThrow();
    }

    @Test
    void a_structured_betalingskenmerk_in_a_camt_053_001_02_is_directed_at_its_assessment() {
        BankImportAnswer answer = load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1)
                .credit(tag + "R1", structured(10_000, grouped(reference(1)), JANSEN, "Bakkerij Jansen")));

        assertThat(answer.payments()).isEqualTo(1);
        assertThat(answer.directed()).isEqualTo(1);
        assertThat(payment(tag + "R1:1")).isEqualTo(new BankPayments.Payment(tag + "R1:1", "S-" + tag,
                "STRUCTURED_REFERENCE", tag + "-A1", null));
    }

    @Test
    void a_kenmerk_in_free_text_in_groups_of_four_in_a_camt_053_001_08_is_directed() {
        BankImportAnswer answer = load(CamtFile.of(CAMT_053_08, account, tag + "-1", 1)
                .credit(tag + "R1", text(5_000, "Betalingskenmerk " + grouped(reference(2)), JANSEN, "Jansen")));

        assertThat(answer.directed()).isEqualTo(1);
        assertThat(payment(tag + "R1:1").matchedBy()).isEqualTo("TEXT_REFERENCE");
        assertThat(payment(tag + "R1:1").assessmentId()).isEqualTo(tag + "-A2");
    }

    @Test
    void a_batch_entry_books_each_transaction_as_its_own_payment() {
        BankImportAnswer answer = load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1).credit(tag + "B",
                text(7_000, "aanslag " + reference(1) + " termijn 1", null, null),
                structured(4_500, reference(2), "NL61TRIO9335216763", "P. Smit"),
                text(1_000, "onbekend", null, null)));

        assertThat(answer.payments()).isEqualTo(3);
        assertThat(answer.directed()).isEqualTo(2);
        assertThat(answer.suspense()).isEqualTo(1);
        assertThat(payment(tag + "B:1").assessmentId()).isEqualTo(tag + "-A1");
        assertThat(payment(tag + "B:2").assessmentId()).isEqualTo(tag + "-A2");
        assertThat(payment(tag + "B:3").debtorId()).isNull();
    }

    @Test
    void a_camt_054_001_02_notification_books_its_credit_and_the_day_statement_overlapping_it_books_nothing_twice() {
        BankImportAnswer notified = load(CamtFile.of(CAMT_054_02, account, tag + "-N1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen")));
        long eventsAfterNotification = events();
        BankImportAnswer day = load(CamtFile.of(CAMT_053_02, account, tag + "-1", 2)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"))
                .credit(tag + "R2", structured(1_000, reference(2), JANSEN, "Jansen")));

        assertThat(notified.payments()).isEqualTo(1);
        assertThat(day.alreadyBooked()).isEqualTo(1);
        assertThat(day.payments()).isEqualTo(1);
        assertThat(day.transactions()).extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("ALREADY_BOOKED", "BOOKED");
        assertThat(events() - eventsAfterNotification).as("the statement and one payment").isEqualTo(2);
    }

    @Test
    void a_camt_054_001_08_notification_is_read() {
        BankImportAnswer answer = load(CamtFile.of(CAMT_054_08, account, tag + "-N1", 1)
                .credit(tag + "R1", text(2_500, "subject S-" + tag, JANSEN, "Jansen")));

        assertThat(answer.undirected()).isEqualTo(1);
        assertThat(payment(tag + "R1:1").matchedBy()).isEqualTo("SUBJECT_NUMBER");
    }

    @Test
    void a_pending_entry_is_reported_not_booked_and_bank_costs_are_an_unreconciled_debit() {
        BankImportAnswer answer = load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1).opening(100_000)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"))
                .bankCosts(tag + "R2", 750, "Kosten BasisPakket")
                .pending(tag + "R3", structured(9_900, reference(2), JANSEN, "Jansen")));

        assertThat(answer.payments()).isEqualTo(1);
        assertThat(answer.transactions()).extracting(BankImportAnswer.TransactionAnswer::outcome)
                .containsExactly("BOOKED", "UNRECONCILED_DEBIT", "NOT_BOOKED");
        assertThat(answer.transactions().get(1).bankText()).isEqualTo("Kosten BasisPakket");
        assertThat(payments.find(tag + "R3:1")).isEmpty();
    }

    @Test
    void a_re_import_books_nothing_and_answers_what_was_booked() {
        CamtFile file = CamtFile.of(CAMT_053_08, account, tag + "-1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"))
                .credit(tag + "R2", text(1_200, "bijdrage", "NL50SNSB7390990597", "Stichting"));
        load(file);
        long before = events();

        BankImportAnswer again = load(file);

        assertThat(events()).isEqualTo(before);
        assertThat(again.payments()).isZero();
        assertThat(again.alreadyBooked()).isEqualTo(2);
        assertThat(again.transactions().get(1).suspenseReason()).isEqualTo("NO_MATCH");
    }

    @Test
    void an_unbalanced_statement_is_refused_whole() {
        long before = events();
        CamtFile file = CamtFile.of(CAMT_053_02, account, tag + "-1", 1).opening(100_000).closing(100_001)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"));

        assertThatThrownBy(() -> load(file)).isInstanceOf(LedgerRejection.class)
                .extracting(e -> ((LedgerRejection) e).code()).isEqualTo(ErrorCode.STATEMENT_UNBALANCED);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_gap_is_refused_naming_both_balances_and_booked_when_accepted_with_a_reason() {
        load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1).opening(100_000)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen")));
        CamtFile gap = CamtFile.of(CAMT_053_02, account, tag + "-3", 3).opening(200_000)
                .credit(tag + "R3", structured(1_000, reference(2), JANSEN, "Jansen"));
        long before = events();

        assertThatThrownBy(() -> load(gap)).isInstanceOf(LedgerRejection.class)
                .hasMessageContaining("2000.00").hasMessageContaining("1025.00")
                .extracting(e -> ((LedgerRejection) e).code()).isEqualTo(ErrorCode.STATEMENT_SEQUENCE_BROKEN);
        assertThat(events()).isEqualTo(before);

        BankImportAnswer accepted = statements.importFile(gap.xml(),
                new BankStatementImport.Options(true, "statement 2 never received", null), TESTER);
        assertThat(accepted.payments()).isEqualTo(1);
        assertThat(accepted.statements().get(0).gapReason()).isEqualTo("statement 2 never received");
    }

    @Test
    void a_statement_of_an_unregistered_account_is_refused() {
        String other = "NL24SNSB7896565153";
        assertThatThrownBy(() -> load(CamtFile.of(CAMT_053_02, other, tag + "-1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"))))
                .extracting(e -> ((LedgerRejection) e).code()).isEqualTo(ErrorCode.UNKNOWN_BANK_ACCOUNT);
    }

    @Test
    void a_file_that_is_not_schema_valid_is_refused_with_the_place() {
        String broken = new String(CamtFile.of(CAMT_053_02, account, tag + "-1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen")).xml())
                .replace("<Sts>BOOK</Sts>", "<Sts>DONE</Sts>");
        assertThatThrownBy(() -> statements.importFile(broken.getBytes(), new BankStatementImport.Options(false, null,
                null), TESTER)).hasMessageContaining("line").extracting(e -> ((LedgerRejection) e).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void the_counterparty_goes_to_the_erasable_register_and_never_into_events() {
        String iban = "NL44KNAB6453582937";
        load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1)
                .credit(tag + "R1", text(2_500, "bijdrage " + tag, iban, "K. de Boer " + tag)));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM counterparty_account WHERE iban = ? AND holder_name = ?",
                Long.class, iban, "K. de Boer " + tag)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE position(? in convert_from(payload,"
                + " 'UTF8')) > 0 OR position(? in convert_from(payload, 'UTF8')) > 0", Long.class, iban,
                "K. de Boer " + tag)).isZero();
    }

    @Test
    void over_rest_the_answer_lists_every_transaction_and_the_suspense_worklist_shows_the_banks_text() {
        String nobody = iban("SNSB", number);
        byte[] xml = CamtFile.of(CAMT_053_08, account, tag + "-1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen"))
                .credit(tag + "R2", text(1_200, "bijdrage " + tag, nobody, "Stichting " + tag)).xml();
        org.springframework.web.client.RestClient rest = ledger.http();

        tools.jackson.databind.JsonNode answer = JSON.readTree(rest.post().uri("/api/bank-statements")
                .contentType(org.springframework.http.MediaType.APPLICATION_XML).body(xml).retrieve()
                .body(String.class));
        projections.awaitCaughtUp(java.time.Duration.ofSeconds(60));
        tools.jackson.databind.JsonNode worklist = JSON.readTree(rest.get().uri("/api/suspense").retrieve()
                .body(String.class));

        assertThat(answer.path("payments").asInt()).isEqualTo(2);
        assertThat(answer.path("suspense").asInt()).isEqualTo(1);
        assertThat(answer.path("transactions").get(0).path("matchedBy").asString()).isEqualTo("STRUCTURED_REFERENCE");
        tools.jackson.databind.JsonNode item = java.util.stream.StreamSupport.stream(worklist.path("items").spliterator(),
                false).filter(i -> i.path("paymentId").asString().equals(tag + "R2:1")).findFirst().orElseThrow();
        assertThat(item.path("bankText").asString()).isEqualTo("bijdrage " + tag);
        assertThat(item.path("counterpartyIban").asString()).isEqualTo(nobody);
        assertThat(item.path("counterpartyName").asString()).isEqualTo("Stichting " + tag);
        assertThat(item.path("reason").asString()).isEqualTo("NO_MATCH");
        assertThat(worklist.path("ageing").size()).isEqualTo(4);
    }

    @Test
    void over_rest_a_refused_file_is_a_problem_with_its_code() {
        byte[] xml = CamtFile.of(CAMT_053_02, account, tag + "-1", 1).opening(0).closing(1)
                .credit(tag + "R1", structured(2_500, reference(1), JANSEN, "Jansen")).xml();

        org.springframework.http.ResponseEntity<String> response = ledger.http().post().uri("/api/bank-statements")
                .contentType(org.springframework.http.MediaType.APPLICATION_XML).body(xml).retrieve()
                .onStatus(status -> true, (request, reply) -> { }).toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(JSON.readTree(response.getBody()).path("code").asString()).isEqualTo("STATEMENT_UNBALANCED");
    }

    @Autowired
    nl.taxledger.service.testing.LedgerClient ledger;

    @Test
    void a_bank_account_is_registered_through_the_public_catalogue_which_refuses_an_unknown_member() {
        String other = iban("ABNA", number);

        var registered = ledger.post("RegisterBankAccount", """
                {"commandId":"acct2-%s","iban":"%s","purpose":"PAYOUT","name":"Uitbetalingen"}"""
                .formatted(tag, other));
        var refused = ledger.post("RegisterBankAccount", """
                {"commandId":"acct3-%s","iban":"%s","purpose":"PAYOUT","bic":"ABNANL2A"}"""
                .formatted(tag, iban("ABNA", number + 50_000)));

        assertThat(registered.getStatusCode().value()).isEqualTo(200);
        assertThat(registered.getBody().path("resultType").asString()).isEqualTo("AggregateIdentifier");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("field").asString()).isEqualTo("bic");
    }

    @Test
    void the_per_transaction_booking_an_import_derives_is_no_public_command() {
        var refused = ledger.post("BookBankTransaction", """
                {"commandId":"book-%1$s","paymentId":"%1$sX:1","amountCents":100,"valueDate":"2026-03-02",
                 "matchedBy":"SUBJECT_NUMBER","debtorId":"S-%1$s"}""".formatted(tag));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(payments.find(tag + "X:1")).isEmpty();
    }

    @Test
    void an_iban_that_paid_for_one_debtor_earlier_in_the_same_file_matches_that_debtor() {
        String iban = iban("RABO", number);
        load(CamtFile.of(CAMT_053_02, account, tag + "-1", 1)
                .credit(tag + "R1", structured(2_500, reference(1), iban, "J. de Vries"))
                .credit(tag + "R2", text(3_000, "gemeentelijke belastingen " + tag, iban, "J. de Vries")));

        assertThat(payment(tag + "R2:1")).isEqualTo(new BankPayments.Payment(tag + "R2:1", "S-" + tag,
                "COUNTERPARTY_IBAN", null, null));
    }
}
