package nl.taxledger.ledger.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.junit.jupiter.api.Test;

/** The whole-file checks and the transaction identities of domain.md §9. */
class StatementTest {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final String IBAN = "NL13RABO4423232219";

    static Statement.Entry entry(long cents, boolean credit, String status, String ref, Statement.Transaction... txs) {
        return new Statement.Entry(cents, credit, status, DAY, DAY, ref, false, null, List.of(txs));
    }

    static Statement.Transaction tx(Long cents, String text) {
        return new Statement.Transaction(cents, null, null, text, null, null);
    }

    private static Statement statement(long opening, long closing, Statement.Entry... entries) {
        return new Statement(IBAN, "S1", DAY, 42L, opening, closing, List.of(entries));
    }

    @Test
    void opening_plus_booked_credits_minus_booked_debits_is_the_closing_balance() {
        statement(100_000, 114_250, entry(15_000, true, "BOOK", "R1"), entry(750, false, "BOOK", "R2"),
                entry(9_900, true, "PDNG", "R3")).check();
    }

    @Test
    void a_statement_that_does_not_add_up_is_unbalanced() {
        LedgerRejection rejection = assertThrows(LedgerRejection.class,
                () -> statement(114_250, 124_105, entry(9_900, true, "BOOK", "R1")).check());
        assertEquals(ErrorCode.STATEMENT_UNBALANCED, rejection.code());
    }

    @Test
    void a_pending_entry_does_not_count_towards_the_closing_balance() {
        LedgerRejection rejection = assertThrows(LedgerRejection.class,
                () -> statement(100_000, 109_900, entry(9_900, true, "PDNG", "R1")).check());
        assertEquals(ErrorCode.STATEMENT_UNBALANCED, rejection.code());
    }

    @Test
    void a_batch_whose_transactions_do_not_add_up_to_the_entry_is_invalid() {
        LedgerRejection rejection = assertThrows(LedgerRejection.class, () -> statement(0, 11_500,
                entry(11_500, true, "BOOK", "R1", tx(7_000L, "a"), tx(4_000L, "b"))).check());
        assertEquals(ErrorCode.VALIDATION_FAILED, rejection.code());
    }

    @Test
    void a_statement_with_an_opening_but_no_closing_balance_is_invalid() {
        Statement halfBalanced = new Statement(IBAN, "S1", DAY, null, 0L, null, List.of());
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(LedgerRejection.class, halfBalanced::check).code());
    }

    @Test
    void a_notification_without_balances_is_not_balance_checked() {
        new Statement(IBAN, "N1", DAY, null, null, null, List.of(entry(500, true, "BOOK", "R1"))).check();
    }

    @Test
    void payment_ids_are_the_servicer_reference_and_the_index_in_the_batch() {
        List<StatementLine> lines = statement(0, 11_500,
                entry(11_500, true, "BOOK", "ABN260303000021", tx(7_000L, "a"), tx(4_500L, "b"))).lines();
        assertEquals(List.of("ABN260303000021:1", "ABN260303000021:2"),
                lines.stream().map(StatementLine::paymentId).toList());
        assertEquals(List.of(7_000L, 4_500L), lines.stream().map(StatementLine::amountCents).toList());
        assertEquals(IBAN + "|ref|ABN260303000021:2", lines.get(1).key());
    }

    @Test
    void without_a_servicer_reference_the_statement_id_and_entry_position_name_the_payment() {
        List<StatementLine> lines = statement(0, 2_500, entry(500, true, "BOOK", "R1"),
                entry(2_000, true, "BOOK", null, tx(null, "x"))).lines();
        assertEquals("S1:2:1", lines.get(1).paymentId());
        assertEquals(2_000, lines.get(1).amountCents());
        assertEquals(IBAN + "|stmt|S1:2:1", lines.get(1).key());
    }
}
