package nl.taxledger.service.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.bank.BankLedgerLine;
import nl.taxledger.ledger.bank.KnownParties;
import nl.taxledger.ledger.bank.Match;
import nl.taxledger.ledger.bank.Statement;
import nl.taxledger.ledger.bank.StatementImporter;
import nl.taxledger.ledger.bank.StatementLine;
import nl.taxledger.ledger.bank.SuspenseReason;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.BankRequests;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.commandapi.GroupCommit;
import nl.taxledger.service.locks.AdvisoryLock;
import nl.taxledger.service.lookup.Directory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports a camt.053/camt.054 file (domain.md §9). The file is checked whole first (schema, balances, accounts,
 * sequence), so a refused file books nothing. Then each statement is recorded on its account and each booked credit
 * transaction goes through the command path like a REST command, with a commandId derived from the transaction's key:
 * a re-import or an overlapping file books nothing twice. The transactions are committed in groups
 * ({@link GroupCommit}), each in its own savepoint; the answer is given after the last group committed. A booked debit returning one of
 * our collections, and a pain.002 status report, are R-transactions ({@link CollectionReturns}, §10).
 */
@Service
public class BankStatementImport {
    private final CamtReader reader = new CamtReader();
    private final CommandService commands;
    private final KnownParties known;
    private final JdbcTemplate jdbc;
    private final GroupCommit groups;
    private final LedgerClock clock;
    private final CollectionReturns returns;
    private final StatusReportImport statusReports;
    private final PayoutDebits payouts;

    BankStatementImport(
            CommandService commands,
            KnownParties known,
            JdbcTemplate jdbc,
            GroupCommit groups,
            LedgerClock clock,
            CollectionReturns returns,
            PayoutDebits payouts) {
        this.payouts = payouts;
        this.commands = commands;
        this.known = known;
        this.jdbc = jdbc;
        this.groups = groups;
        this.clock = clock;
        this.returns = returns;
        this.statusReports = new StatusReportImport(new Pain002Reader(), returns, known);
    }

    /** {@code acceptGap} with a {@code reason} books a statement that does not follow the last closing balance. */
    public record Options(boolean acceptGap, String reason, String bookingDate) {
        public Options {
            if (acceptGap && (reason == null || reason.isBlank())) {
                throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "acceptGap needs a reason");
            }
        }
    }

    public BankImportAnswer importFile(byte[] xml, Options options, Actor actor) {
        if (xml != null && xml.length > 0 && CamtSchemas.PAIN_002_03.equals(CamtSchemas.rootNamespace(xml))) {
            // a status report on our runs, not a statement: rejects of collections, no money (domain.md §10)
            return statusReports.importReport(xml, options.bookingDate(), actor);
        }
        List<Statement> statements = reader.read(xml);
        statements.forEach(Statement::check);
        for (Statement statement : statements) {
            if (!accountRegistered(statement.accountIban())) {
                throw new LedgerRejection(
                        ErrorCode.UNKNOWN_BANK_ACCOUNT,
                        "statement " + statement.statementId() + " is of " + statement.accountIban()
                                + ", not one of the collector's registered accounts");
            }
        }
        checkSequence(statements, options.acceptGap());
        List<BankImportAnswer.StatementAnswer> recorded = new ArrayList<>();
        for (Statement statement : statements) {
            recorded.add(record(statement, options, actor));
        }
        List<StatementImporter.LineResult> results = new ArrayList<>();
        try (GroupCommit.Group group = groups.open()) {
            for (Statement statement : statements) {
                List<StatementImporter.LineResult> ofStatement = bookStatement(group, statement, options, actor);
                runInGroup(group, () -> recordLines(statement, ofStatement));
                results.addAll(ofStatement);
            }
            // the answer below is given only after the last group committed: a booking answered is stored
            group.commit();
        }
        StatementImporter.Counts counts = StatementImporter.Counts.of(results);
        return new BankImportAnswer(
                recorded,
                results.stream().map(BankStatementImport::answer).toList(),
                counts.payments(),
                counts.directed(),
                counts.undirected(),
                counts.suspense(),
                counts.alreadyBooked());
    }

    /**
     * Each transaction of the statement in file order, each in its own savepoint of the open group (its lookups,
     * written by the subscribing processor in the same transaction, are seen by the lines after it: rule 5).
     */
    private List<StatementImporter.LineResult> bookStatement(
            GroupCommit.Group group, Statement statement, Options options, Actor actor) {
        return StatementImporter.run(statement, known, new StatementImporter.Bookings() {
            @Override
            public StatementImporter.Booking bookOnce(StatementLine line, Function<StatementLine, Match> decide) {
                return inGroup(group, () -> BankStatementImport.this.bookOnce(statement, options, actor, line, decide));
            }

            @Override
            public StatementImporter.DebitBooking debit(StatementLine line) {
                // a return of our own collection first (§10); a debit that is none is ours only as a payout executed
                // (§9), else unreconciled
                return inGroup(group, () -> {
                    StatementImporter.DebitBooking booking =
                            returns.debit(statement, line, known, options.bookingDate(), actor);
                    return booking.outcome() == StatementImporter.Outcome.UNRECONCILED_DEBIT && booking.match() == null
                            ? payouts.debit(statement, line, options, source(actor, statement))
                            : booking;
                });
            }
        });
    }

    /**
     * One line of the group, committing the group when it is full. A line that lost a deadlock against another
     * group (each takes its lines' locks in file order) is rolled back to its savepoint, the lines before it
     * commit, and it runs again first in the next group, bounded. Any other failure of a line commits the lines
     * before it (as when each line was its own transaction) and ends the import with that failure; a group whose
     * commit fails ends it too, with none of that group stored: sending the file again completes it.
     */
    private <T> T inGroup(GroupCommit.Group group, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = group.line(work);
                if (group.full()) {
                    group.commit();
                }
                return result;
            } catch (GroupCommit.GroupBroken broken) {
                throw broken;
            } catch (RuntimeException failure) {
                if (attempt >= CommandService.MAX_ATTEMPTS || !GroupCommit.isTransient(failure)) {
                    commitBefore(group, failure);
                    throw failure;
                }
                group.commit();
            }
        }
    }

    private void runInGroup(GroupCommit.Group group, Runnable work) {
        inGroup(group, () -> {
            work.run();
            return null;
        });
    }

    private static void commitBefore(GroupCommit.Group group, RuntimeException failure) {
        try {
            group.commit();
        } catch (RuntimeException commitFailed) {
            failure.addSuppressed(commitFailed);
        }
    }

    /** The collector's registered accounts, each with its latest statement (by date, then electronic sequence). */
    public List<Map<String, Object>> accounts() {
        return jdbc.queryForList("SELECT a.iban, a.purpose, a.name, s.statement_id AS latest_statement,"
                + " s.statement_date AS latest_statement_date, s.closing_cents AS latest_closing_cents"
                + " FROM bank_account a LEFT JOIN LATERAL (SELECT * FROM bank_statement b WHERE b.iban = a.iban"
                + " ORDER BY statement_date DESC, electronic_sequence DESC NULLS LAST LIMIT 1) s ON true"
                + " ORDER BY a.iban");
    }

    private boolean accountRegistered(String iban) {
        return iban != null
                && !jdbc.queryForList("SELECT 1 FROM bank_account WHERE iban = ?", Integer.class, iban)
                        .isEmpty();
    }

    /**
     * Before anything is booked: each new statement must open with the closing balance of its account's latest
     * statement (by date, then electronic sequence), earlier statements of the same file included. The account
     * aggregate checks the same again when the statement is recorded.
     */
    private void checkSequence(List<Statement> statements, boolean acceptGap) {
        Map<String, Latest> latest = new HashMap<>();
        for (Statement statement : statements) {
            if (!statement.hasBalances() || recordedBefore(statement)) {
                continue;
            }
            Latest previous = latest.computeIfAbsent(statement.accountIban(), this::latestRecorded);
            if (previous != null && previous.closingCents() != statement.openingCents() && !acceptGap) {
                throw new LedgerRejection(
                        ErrorCode.STATEMENT_SEQUENCE_BROKEN,
                        "statement " + statement.statementId()
                                + " of " + statement.accountIban() + " opens with " + euro(statement.openingCents())
                                + " but the last statement " + previous.statementId() + " closed with "
                                + euro(previous.closingCents()));
            }
            Latest candidate = new Latest(
                    statement.statementId(),
                    statement.statementDate(),
                    statement.electronicSequence(),
                    statement.closingCents());
            if (previous == null || candidate.after(previous)) {
                latest.put(statement.accountIban(), candidate);
            }
        }
    }

    private record Latest(String statementId, LocalDate statementDate, Long electronicSequence, long closingCents) {
        boolean after(Latest other) {
            int byDate = statementDate.compareTo(other.statementDate);
            return byDate > 0 || byDate == 0 && sequence(electronicSequence) > sequence(other.electronicSequence);
        }

        private static long sequence(Long value) {
            return value == null ? Long.MIN_VALUE : value;
        }
    }

    private Latest latestRecorded(String iban) {
        List<Latest> rows = jdbc.query(
                "SELECT statement_id, statement_date, electronic_sequence, closing_cents"
                        + " FROM bank_statement WHERE iban = ?"
                        + " ORDER BY statement_date DESC, electronic_sequence DESC NULLS LAST LIMIT 1",
                (rs, row) -> new Latest(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, Long.class), rs.getLong(4)),
                iban);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private boolean recordedBefore(Statement statement) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM bank_statement WHERE iban = ? AND statement_id = ?",
                        Integer.class,
                        statement.accountIban(),
                        statement.statementId())
                .isEmpty();
    }

    private BankImportAnswer.StatementAnswer record(Statement statement, Options options, Actor actor) {
        boolean before = !statement.hasBalances() || recordedBefore(statement);
        String gapReason = null;
        if (!before) {
            String commandId = "bank-statement|" + statement.accountIban() + "|" + statement.statementId();
            var outcome = commands.submit(
                    "RecordBankStatement",
                    new BankRequests.RecordBankStatementRequest(
                            commandId,
                            statement.accountIban(),
                            statement.statementId(),
                            statement.statementDate().toString(),
                            statement.electronicSequence(),
                            statement.openingCents(),
                            statement.closingCents(),
                            options.acceptGap() ? options.reason() : null,
                            options.bookingDate()),
                    source(actor, statement));
            gapReason = outcome.result() == null
                    ? null
                    : outcome.result().path("gapReason").asString(null);
        }
        return new BankImportAnswer.StatementAnswer(
                statement.accountIban(),
                statement.statementId(),
                statement.statementDate().toString(),
                statement.hasBalances() ? euro(statement.openingCents()) : null,
                statement.hasBalances() ? euro(statement.closingCents()) : null,
                before,
                gapReason);
    }

    private static Actor source(Actor actor, Statement statement) {
        return new Actor(
                actor.who(), actor.why(), "bank-statement " + statement.accountIban() + " " + statement.statementId());
    }

    /**
     * One transaction of the statement, in its savepoint of the group: the key row, the register entry, the command.
     * Unless its key was booked before: then the match stored then is the answer.
     */
    private StatementImporter.Booking bookOnce(
            Statement statement,
            Options options,
            Actor actor,
            StatementLine line,
            Function<StatementLine, Match> decide) {
        // a second import of the same transaction (the same file twice at once, or another instance) waits here
        // until the first one's group commits, then finds its booking: ALREADY_BOOKED, not a command-id conflict
        AdvisoryLock.lock(jdbc, "bank-transaction", line.key());
        Optional<Match> earlier = bookedBefore(line.key());
        if (earlier.isPresent()) {
            return new StatementImporter.Booking(earlier.get(), true);
        }
        Match match = decide.apply(line);
        book(statement, options, actor, line, match);
        return new StatementImporter.Booking(match, false);
    }

    private void book(Statement statement, Options options, Actor actor, StatementLine line, Match match) {
        Statement.Transaction tx = line.transaction();
        String counterpartyRef = tx.counterpartyIban() == null ? null : registerCounterparty(tx);
        commands.submit(
                "BookBankTransaction",
                new BankRequests.BookBankTransactionRequest(
                        "bank|" + line.key(),
                        line.paymentId(),
                        line.amountCents(),
                        line.valueDate().toString(),
                        match.rule().name(),
                        match.debtorId(),
                        match.assessmentId(),
                        match.reference(),
                        counterpartyRef,
                        options.bookingDate()),
                source(actor, statement));
        LocalDate booked = options.bookingDate() == null ? clock.today() : LocalDate.parse(options.bookingDate());
        jdbc.update(
                "INSERT INTO bank_transaction (transaction_key, iban, statement_id, payment_id, amount_cents,"
                        + " value_date, matched_by, suspense_reason, debtor_id, assessment_id, bank_text,"
                        + " end_to_end_id, counterparty_ref, booking_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.key(),
                statement.accountIban(),
                statement.statementId(),
                line.paymentId(),
                line.amountCents(),
                line.valueDate(),
                match.rule().name(),
                match.suspenseReason() == null ? null : match.suspenseReason().name(),
                match.debtorId(),
                match.assessmentId(),
                bankText(line),
                tx.endToEndId(),
                counterpartyRef,
                booked);
    }

    /**
     * Every booked transaction of the statement as the bank reported it, with the key the reconciliation pairs it
     * by; once per statement (a re-import adds nothing), in one batch.
     */
    private void recordLines(Statement statement, List<StatementImporter.LineResult> results) {
        List<Object[]> rows = new ArrayList<>();
        for (StatementImporter.LineResult result : results) {
            StatementLine line = result.line();
            if (!line.booked()) {
                continue;
            }
            String reconcileKey = reconcileKey(line, result);
            rows.add(new Object[] {
                statement.accountIban(),
                statement.statementId(),
                line.key(),
                line.paymentId(),
                line.credit() ? line.amountCents() : -line.amountCents(),
                line.valueDate(),
                reconcileKey,
                result.outcome().name(),
                line.transaction().endToEndId(),
                bankText(line)
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO bank_statement_line (iban, statement_id, transaction_key, payment_id,"
                        + " amount_cents, value_date, reconcile_key, outcome, end_to_end_id, bank_text)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rows);
    }

    /**
     * What the reconciliation pairs a statement line with: the payment a credit booked, the payout a debit executed,
     * the storno a returned collection booked (its settlement payment's id, from {@code bank_return}), else the debit
     * itself (unreconciled).
     */
    private String reconcileKey(StatementLine line, StatementImporter.LineResult result) {
        if (line.credit()) {
            return BankLedgerLine.PAYMENT + line.paymentId();
        }
        if (result.payout() != null) {
            return BankLedgerLine.PAYOUT + result.payout();
        }
        if (result.outcome() == StatementImporter.Outcome.RETURN_BOOKED
                || result.outcome() == StatementImporter.Outcome.RETURN_ALREADY_BOOKED) {
            List<String> reversed = jdbc.queryForList(
                    "SELECT reversed_payment_id FROM bank_return WHERE transaction_key = ?", String.class, line.key());
            if (!reversed.isEmpty()) {
                return BankLedgerLine.REVERSAL + reversed.get(0);
            }
        }
        return "debit:" + line.key();
    }

    /** The counterparty's IBAN and name into the erasable register; events get only the random reference. */
    private String registerCounterparty(Statement.Transaction tx) {
        String ref = Directory.newAccountRef();
        jdbc.update(
                "INSERT INTO counterparty_account (account_ref, iban, holder_name) VALUES (?, ?, ?)",
                ref,
                tx.counterpartyIban(),
                tx.counterpartyName());
        return ref;
    }

    private Optional<Match> bookedBefore(String key) {
        List<Match> rows = jdbc.query(
                "SELECT matched_by, debtor_id, assessment_id, suspense_reason"
                        + " FROM bank_transaction WHERE transaction_key = ?",
                (rs, row) -> new Match(
                        MatchedBy.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        null,
                        rs.getString(4) == null ? null : SuspenseReason.valueOf(rs.getString(4))),
                key);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static String bankText(StatementLine line) {
        if (line.transaction().unstructuredText() != null) {
            return line.transaction().unstructuredText();
        }
        if (line.transaction().structuredReference() != null) {
            return line.transaction().structuredReference();
        }
        return line.entry().additionalInfo();
    }

    private static BankImportAnswer.TransactionAnswer answer(StatementImporter.LineResult result) {
        StatementLine line = result.line();
        Match match = result.match();
        return new BankImportAnswer.TransactionAnswer(
                line.statementId(),
                line.paymentId(),
                euro(line.amountCents()),
                line.credit() ? "CREDIT" : "DEBIT",
                line.entry().status(),
                result.outcome().name(),
                match == null ? null : match.debtorId(),
                match == null ? null : match.assessmentId(),
                match == null ? null : match.rule().name(),
                match == null || match.suspenseReason() == null
                        ? null
                        : match.suspenseReason().name(),
                match == null || !line.credit() ? bankText(line) : null,
                line.credit() ? null : line.transaction().endToEndId(),
                line.returnReasonCode(),
                result.payout());
    }

    static String euro(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
