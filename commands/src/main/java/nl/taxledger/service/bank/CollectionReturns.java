package nl.taxledger.service.bank;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.bank.KnownParties;
import nl.taxledger.ledger.bank.KnownParties.OwnCollection;
import nl.taxledger.ledger.bank.Match;
import nl.taxledger.ledger.bank.Statement;
import nl.taxledger.ledger.bank.StatementImporter.DebitBooking;
import nl.taxledger.ledger.bank.StatementImporter.Outcome;
import nl.taxledger.ledger.bank.StatementLine;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.commandapi.Requests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-transactions (domain.md §10): a reject of one of our collections before settlement (pain.002) is a failed
 * collection and books no money; a return or refund after settlement (a camt.053/054 debit) is a storno of the
 * collection payment plus a failed collection. Matched on the original EndToEndId alone. One EndToEndId fails at
 * most once, however many files report it: a second report is answered, not booked, and is no error of the file.
 * Each transaction is handled in its own PostgreSQL transaction with the commands it sends, like a credit.
 */
@Component
class CollectionReturns {
    /** The reason stored when the bank gave none: {@code ReversePayment} and a failure need one. */
    static final String NO_REASON_GIVEN = "NOT_SPECIFIED";

    private final CommandService commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerClock clock;

    CollectionReturns(CommandService commands, JdbcTemplate jdbc, TransactionTemplate transaction, LedgerClock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The collection a debtor's rule-1 match names: our own, at its assessment. */
    static Match match(OwnCollection collection) {
        return new Match(
                MatchedBy.DIRECT_DEBIT,
                collection.debtorId(),
                collection.assessmentId(),
                collection.endToEndId(),
                null);
    }

    /** A pain.002 reject of {@code collection}: the collection failed with {@code reasonCode}; no money moved. */
    Outcome reject(OwnCollection collection, String reasonCode, String bookingDate, Actor actor) {
        return transaction.execute(status -> {
            if (failed(collection.endToEndId())) {
                return Outcome.ALREADY_FAILED;
            }
            recordFailure("dd-reject|" + collection.endToEndId(), collection, reasonCode, bookingDate, actor);
            return Outcome.FAILURE_RECORDED;
        });
    }

    /**
     * A booked debit. A return of one of our collections (§9 "Debit transactions") reverses the settled collection
     * payment with the return reason and records the failure, unless this debit was booked before (same key) or the
     * collection failed already. A return whose settlement is not booked, or whose amount is not the settled amount,
     * books nothing and is listed (docs/bank-files.md says why). Any other debit is unreconciled.
     */
    DebitBooking debit(Statement statement, StatementLine line, KnownParties known, String bookingDate, Actor actor) {
        String endToEndId = line.transaction().endToEndId();
        if (!line.takesBackACredit() || endToEndId == null) {
            return new DebitBooking(Outcome.UNRECONCILED_DEBIT, null);
        }
        Optional<OwnCollection> ours = known.ownCollection(endToEndId);
        if (ours.isEmpty()) {
            return new DebitBooking(Outcome.UNRECONCILED_DEBIT, null);
        }
        OwnCollection collection = ours.get();
        Outcome outcome = transaction.execute(status -> bookReturn(statement, line, collection, bookingDate, actor));
        return new DebitBooking(outcome, match(collection));
    }

    private Outcome bookReturn(
            Statement statement, StatementLine line, OwnCollection collection, String bookingDate, Actor actor) {
        if (returnBooked(line.key())) {
            return Outcome.RETURN_ALREADY_BOOKED;
        }
        boolean failedBefore = failed(collection.endToEndId());
        Optional<Settlement> settled = settlement(collection.endToEndId());
        if (settled.isEmpty()) {
            return failedBefore ? Outcome.ALREADY_FAILED : Outcome.RETURN_NOT_SETTLED;
        }
        if (settled.get().amountCents() != line.amountCents()) {
            return Outcome.UNRECONCILED_DEBIT;
        }
        if (settled.get().reversed() && failedBefore) {
            return Outcome.ALREADY_FAILED;
        }
        String reason = line.returnReasonCode() != null ? line.returnReasonCode() : NO_REASON_GIVEN;
        Actor source = new Actor(
                actor.who(), actor.why(), "bank-statement " + statement.accountIban() + " " + statement.statementId());
        if (!settled.get().reversed()) {
            commands.submit(
                    "ReversePayment",
                    new Requests.ReversePaymentRequest(
                            "bank-return|" + line.key(),
                            settled.get().paymentId(),
                            line.valueDate().toString(),
                            reason,
                            bookingDate),
                    source);
        }
        if (!failedBefore) {
            recordFailure("bank-return-failure|" + line.key(), collection, reason, bookingDate, source);
        }
        jdbc.update(
                "INSERT INTO bank_return (transaction_key, iban, statement_id, line_id, end_to_end_id,"
                        + " reversed_payment_id, reason_code, amount_cents, value_date, booking_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.key(),
                statement.accountIban(),
                statement.statementId(),
                line.paymentId(),
                collection.endToEndId(),
                settled.get().paymentId(),
                reason,
                line.amountCents(),
                line.valueDate(),
                bookingDate == null ? clock.today() : LocalDate.parse(bookingDate));
        return Outcome.RETURN_BOOKED;
    }

    private void recordFailure(
            String commandId, OwnCollection collection, String reasonCode, String bookingDate, Actor actor) {
        commands.submit(
                "RecordDirectDebitFailure",
                new Requests.RecordDirectDebitFailureRequest(
                        commandId,
                        collection.debtorId(),
                        collection.mandateId(),
                        collection.collectionDate().toString(),
                        reasonCode != null ? reasonCode : NO_REASON_GIVEN,
                        bookingDate,
                        collection.endToEndId()),
                actor);
    }

    private boolean failed(String endToEndId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM direct_debit_failure WHERE end_to_end_id = ?", Integer.class, endToEndId)
                .isEmpty();
    }

    private boolean returnBooked(String key) {
        return !jdbc.queryForList("SELECT 1 FROM bank_return WHERE transaction_key = ?", Integer.class, key)
                .isEmpty();
    }

    /** The collection's settlement: the rule-1 payment that carried its EndToEndId, and whether it was reversed. */
    private record Settlement(String paymentId, long amountCents, boolean reversed) {}

    private Optional<Settlement> settlement(String endToEndId) {
        List<Settlement> rows = jdbc.query(
                "SELECT t.payment_id, t.amount_cents, r.payment_id IS NOT NULL"
                        + " FROM bank_transaction t LEFT JOIN lookup_reversed_payment r ON r.payment_id = t.payment_id"
                        + " WHERE t.end_to_end_id = ? AND t.matched_by = ? ORDER BY t.booked_at LIMIT 2",
                (rs, row) -> new Settlement(rs.getString(1), rs.getLong(2), rs.getBoolean(3)),
                endToEndId,
                MatchedBy.DIRECT_DEBIT.name());
        if (rows.size() > 1) {
            // a collection settles once; two payments for one EndToEndId would be a misbooking to look into
            throw new IllegalStateException("collection " + endToEndId + " settled twice: " + rows);
        }
        return rows.stream().findFirst();
    }
}
