package nl.taxledger.service.bank;

import java.util.List;
import nl.taxledger.ledger.bank.Statement;
import nl.taxledger.ledger.bank.StatementImporter;
import nl.taxledger.ledger.bank.StatementLine;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.BankRequests;
import nl.taxledger.service.commandapi.CommandService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booked debits of a statement (domain.md §9, "Debit transactions"): one whose EndToEndId is a transfer of one of our
 * released pain.001 files (a remittance, a refund) marks that payout executed, through the command path with a
 * commandId derived from the transaction's key; any other debit (bank costs, unknown, a second debit of a payout
 * executed already, one with our EndToEndId but another amount than the released transfer) is unreconciled: listed
 * in the answer and the reconciliation, never booked to a debtor.
 */
@Component
class PayoutDebits {
    private final CommandService commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PayoutDebits(CommandService commands, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    private record Transfer(String kind, long amountCents) {}

    StatementImporter.DebitBooking debit(
            Statement statement, StatementLine line, BankStatementImport.Options options, Actor actor) {
        String endToEndId = line.transaction().endToEndId();
        if (endToEndId == null) {
            return unreconciled();
        }
        return transaction.execute(status -> {
            List<Transfer> released = jdbc.query(
                    "SELECT kind, amount_cents FROM payout_transfer"
                            + " WHERE end_to_end_id = ? ORDER BY released_at DESC, message_id DESC LIMIT 1",
                    (rs, row) -> new Transfer(rs.getString(1), rs.getLong(2)),
                    endToEndId);
            if (released.isEmpty()) {
                return unreconciled();
            }
            if (released.get(0).amountCents() != line.amountCents()) {
                // our EndToEndId on another amount is not the transfer we released (a bank error, a partial
                // execution): the payout stays not executed and the debit is listed for a clerk, never booked
                return unreconciled();
            }
            List<String> executedBy = jdbc.queryForList(
                    "SELECT iban || '|' || payment_id FROM payout_execution" + " WHERE end_to_end_id = ?",
                    String.class,
                    endToEndId);
            if (!executedBy.isEmpty()) {
                return executedBy.get(0).equals(statement.accountIban() + "|" + line.paymentId())
                        ? new StatementImporter.DebitBooking(StatementImporter.Outcome.ALREADY_BOOKED, null, endToEndId)
                        : unreconciled();
            }
            commands.submit(
                    "RecordPayoutExecuted",
                    new BankRequests.RecordPayoutExecutedRequest(
                            "bank|" + line.key(),
                            statement.accountIban(),
                            endToEndId,
                            released.get(0).kind(),
                            line.paymentId(),
                            statement.statementId(),
                            line.amountCents(),
                            line.valueDate().toString(),
                            options.bookingDate()),
                    actor);
            return new StatementImporter.DebitBooking(StatementImporter.Outcome.PAYOUT_EXECUTED, null, endToEndId);
        });
    }

    private static StatementImporter.DebitBooking unreconciled() {
        return new StatementImporter.DebitBooking(StatementImporter.Outcome.UNRECONCILED_DEBIT, null);
    }
}
