package nl.taxledger.ledger.bank;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import nl.taxledger.ledger.api.BankAccountPurpose;
import nl.taxledger.ledger.api.BankAccountRegistered;
import nl.taxledger.ledger.api.BankStatementRecorded;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PayoutExecuted;
import nl.taxledger.ledger.api.PayoutKind;
import nl.taxledger.ledger.api.RecordBankStatement;
import nl.taxledger.ledger.api.RecordPayoutExecuted;
import nl.taxledger.ledger.api.RegisterBankAccount;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector's bank accounts and the sequence of their statements (domain.md §9), one rule per test. */
class BankAccountTest {
    private static final String ING = "NL42INGB8340629042";
    private static final LocalDate BOOKED = LocalDate.parse("2026-03-05");
    private AggregateTestFixture<BankAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BankAccount.class);
    }

    private static BankAccountRegistered registered() {
        return new BankAccountRegistered(ING, BankAccountPurpose.RECEIPTS, "Ontvangsten ING", BOOKED);
    }

    private static RecordBankStatement statement(
            String id, String date, long seq, long opening, long closing, String gapReason) {
        return new RecordBankStatement(ING, id, LocalDate.parse(date), seq, opening, closing, gapReason, BOOKED);
    }

    private static BankStatementRecorded recorded(
            String id, String date, long seq, long opening, long closing, Long previous, String gapReason) {
        return new BankStatementRecorded(
                ING, id, LocalDate.parse(date), seq, opening, closing, previous, gapReason, BOOKED);
    }

    @Test
    void an_account_is_registered_with_its_purpose() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBankAccount(ING, BankAccountPurpose.RECEIPTS, "Ontvangsten ING", BOOKED))
                .expectEvents(registered());
    }

    @Test
    void an_account_with_an_invalid_iban_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBankAccount("NL42INGB8340629043", BankAccountPurpose.RECEIPTS, null, BOOKED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void the_first_statement_of_an_account_follows_nothing() {
        fixture.given(registered())
                .when(statement("61", "2026-03-02", 61, 50_000, 65_700, null))
                .expectEvents(recorded("61", "2026-03-02", 61, 50_000, 65_700, null, null));
    }

    @Test
    void a_statement_opening_with_the_last_closing_balance_is_recorded() {
        fixture.given(registered(), recorded("61", "2026-03-02", 61, 50_000, 65_700, null, null))
                .when(statement("62", "2026-03-03", 62, 65_700, 70_000, null))
                .expectEvents(recorded("62", "2026-03-03", 62, 65_700, 70_000, 65_700L, null));
    }

    @Test
    void a_statement_opening_with_another_balance_breaks_the_sequence() {
        fixture.given(registered(), recorded("61", "2026-03-02", 61, 50_000, 65_700, null, null))
                .when(statement("63", "2026-03-04", 63, 70_000, 69_705, null))
                .expectException(rejectedWith(ErrorCode.STATEMENT_SEQUENCE_BROKEN))
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("700.00"),
                        org.hamcrest.Matchers.containsString("657.00")));
    }

    @Test
    void a_gap_accepted_with_a_reason_is_recorded_with_that_reason() {
        fixture.given(registered(), recorded("61", "2026-03-02", 61, 50_000, 65_700, null, null))
                .when(statement("63", "2026-03-04", 63, 70_000, 69_705, "statement 62 lost by the bank"))
                .expectEvents(
                        recorded("63", "2026-03-04", 63, 70_000, 69_705, 65_700L, "statement 62 lost by the bank"));
    }

    @Test
    void a_statement_recorded_before_is_not_checked_again_and_changes_nothing() {
        fixture.given(
                        registered(),
                        recorded("61", "2026-03-02", 61, 50_000, 65_700, null, null),
                        recorded("62", "2026-03-03", 62, 65_700, 70_000, 65_700L, null))
                .when(statement("61", "2026-03-02", 61, 50_000, 65_700, null))
                .expectNoEvents();
    }

    @Test
    void the_next_statement_follows_the_latest_by_date_not_the_last_imported() {
        fixture.given(
                        registered(),
                        recorded("62", "2026-03-03", 62, 65_700, 70_000, null, null),
                        recorded("61", "2026-03-02", 61, 50_000, 65_700, 70_000L, "back-filled"))
                .when(statement("63", "2026-03-04", 63, 70_000, 69_705, null))
                .expectEvents(recorded("63", "2026-03-04", 63, 70_000, 69_705, 70_000L, null));
    }

    private static final LocalDate VALUE = LocalDate.parse("2026-03-04");

    private static RecordPayoutExecuted execute(String endToEndId, String paymentId) {
        return new RecordPayoutExecuted(ING, endToEndId, PayoutKind.REFUND, paymentId, "S-7", 30_00, VALUE, BOOKED);
    }

    private static PayoutExecuted executed(String endToEndId, String paymentId) {
        return new PayoutExecuted(ING, endToEndId, PayoutKind.REFUND, paymentId, "S-7", 30_00, VALUE, BOOKED);
    }

    @Test
    void a_debit_with_the_end_to_end_id_of_our_payout_marks_it_executed() {
        fixture.given(registered())
                .when(execute("TERUG-R1", "2026030400007:1"))
                .expectEvents(executed("TERUG-R1", "2026030400007:1"));
    }

    @Test
    void the_same_transaction_again_changes_nothing() {
        fixture.given(registered(), executed("TERUG-R1", "2026030400007:1"))
                .when(execute("TERUG-R1", "2026030400007:1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_second_transaction_cannot_execute_a_payout_executed_already() {
        fixture.given(registered(), executed("TERUG-R1", "2026030400007:1"))
                .when(execute("TERUG-R1", "2026030500002:1"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }
}
