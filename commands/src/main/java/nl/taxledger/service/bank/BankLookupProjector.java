package nl.taxledger.service.bank;

import nl.taxledger.ledger.api.BankAccountRegistered;
import nl.taxledger.ledger.api.BankStatementRecorded;
import nl.taxledger.ledger.api.PayoutExecuted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bank side's lookup tables (V40), in the subscribing processor {@code command-lookups}: inside the transaction
 * that appends the events, so the next statement or transaction of the same import already sees them. The account
 * holders of rule 5 are kept apart, in {@link AccountHolderLookup}.
 */
@Component
@ProcessingGroup("command-lookups")
class BankLookupProjector {
    private final JdbcTemplate jdbc;

    BankLookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BankAccountRegistered event) {
        jdbc.update(
                "INSERT INTO bank_account (iban, purpose, name, booking_date) VALUES (?, ?, ?, ?)",
                event.iban(),
                event.purpose().name(),
                event.name(),
                event.bookingDate());
    }

    @EventHandler
    void on(BankStatementRecorded event) {
        jdbc.update(
                "INSERT INTO bank_statement (iban, statement_id, statement_date, electronic_sequence, opening_cents,"
                        + " closing_cents, previous_closing_cents, gap_reason, booking_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.iban(),
                event.statementId(),
                event.statementDate(),
                event.electronicSequence(),
                event.openingCents(),
                event.closingCents(),
                event.previousClosingCents(),
                event.gapReason(),
                event.bookingDate());
    }

    /** Which transaction executed which payout: a second debit with the same EndToEndId is unreconciled. */
    @EventHandler
    void on(PayoutExecuted event) {
        jdbc.update(
                "INSERT INTO payout_execution (end_to_end_id, iban, kind, payment_id, statement_id, amount_cents,"
                        + " value_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.endToEndId(),
                event.iban(),
                event.kind().name(),
                event.paymentId(),
                event.statementId(),
                event.amountCents(),
                event.valueDate());
    }
}
