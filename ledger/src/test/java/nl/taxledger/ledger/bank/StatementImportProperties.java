package nl.taxledger.ledger.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random statements through the importer (domain.md §9): every booked credit is one payment, on a debtor or in
 * suspense, so money in equals payments booked plus suspense; and no import, re-import or overlap books a
 * transaction twice.
 */
class StatementImportProperties {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final List<String> TEXTS = List.of("7561629071533939", "Betalingskenmerk 3417 0195 3713 8336",
            "aanslag a13-4", "subjectnummer S13c", "S13a en S13b", "6652734668703338 en 7561629071533939", "bijdrage",
            "", "A13-44");
    private static final List<String> IBANS = List.of("NL71INGB2432854578", "NL73RABO9478927787", "NL50SNSB7390990597");

    /** Bookings keyed like the service: the key once, with the match decided at booking time. */
    private static final class Ledger implements StatementImporter.Bookings {
        final Map<String, Match> booked = new LinkedHashMap<>();
        final Map<String, Long> amounts = new LinkedHashMap<>();
        final InMemoryParties parties;

        Ledger(InMemoryParties parties) {
            this.parties = parties;
        }

        @Override
        public StatementImporter.Booking bookOnce(StatementLine line, Function<StatementLine, Match> decide) {
            if (booked.containsKey(line.key())) {
                return new StatementImporter.Booking(booked.get(line.key()), true);
            }
            Match match = decide.apply(line);
            booked.put(line.key(), match);
            amounts.put(line.key(), line.amountCents());
            if (match.debtorId() != null && line.transaction().counterpartyIban() != null) {
                parties.paidFrom(line.transaction().counterpartyIban(), match.debtorId());
            }
            return new StatementImporter.Booking(match, false);
        }
    }

    private static InMemoryParties scenarioParties() {
        return new InMemoryParties().assessment("A13-1", "S13a", "7561629071533939")
                .assessment("A13-2", "S13b", "3417019537138336").assessment("A13-3", "S13b", "6652734668703338")
                .assessment("A13-4", "S13c", "A13-4");
    }

    @Provide
    Arbitrary<Statement> statements() {
        Arbitrary<Statement.Transaction> transaction = Combinators.combine(
                Arbitraries.longs().between(1, 100_000), Arbitraries.of(TEXTS), Arbitraries.of(IBANS))
                .as((cents, text, iban) -> new Statement.Transaction(cents, null, null, text, iban, "X"));
        Arbitrary<Statement.Entry> entry = Combinators.combine(transaction.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(true, true, false), Arbitraries.of("BOOK", "BOOK", "BOOK", "PDNG"),
                        Arbitraries.strings().numeric().ofLength(6).injectNull(0.2))
                .as((txs, credit, status, ref) -> new Statement.Entry(txs.stream()
                        .mapToLong(Statement.Transaction::amountCents).sum(), credit, status, DAY, DAY, ref, false,
                        null, txs));
        return entry.list().ofMaxSize(12).uniqueElements(Statement.Entry::accountServicerRef)
                .map(entries -> new Statement("NL42INGB8340629042", "S", DAY, 1L, 0L, net(entries), entries));
    }

    private static long net(List<Statement.Entry> entries) {
        return entries.stream().filter(Statement.Entry::booked).mapToLong(e -> e.credit() ? e.amountCents()
                : -e.amountCents()).sum();
    }

    private static long bookedCreditCents(Statement statement) {
        return statement.lines().stream().filter(line -> line.booked() && line.credit())
                .mapToLong(StatementLine::amountCents).sum();
    }

    @Property
    void money_in_on_the_statement_is_payments_on_debtors_plus_suspense(@ForAll("statements") Statement statement) {
        statement.check();
        Ledger ledger = new Ledger(scenarioParties());
        List<StatementImporter.LineResult> results = StatementImporter.run(statement, ledger.parties, ledger);
        long onDebtorsCents = 0;
        long inSuspenseCents = 0;
        for (StatementImporter.LineResult result : results) {
            if (result.outcome() == StatementImporter.Outcome.BOOKED) {
                if (result.match().inSuspense()) {
                    inSuspenseCents += result.line().amountCents();
                } else {
                    onDebtorsCents += result.line().amountCents();
                }
            }
        }
        assertThat(onDebtorsCents + inSuspenseCents).isEqualTo(bookedCreditCents(statement));
        StatementImporter.Counts counts = StatementImporter.Counts.of(results);
        assertThat(counts.payments()).isEqualTo(ledger.booked.size());
        assertThat(counts.directed() + counts.undirected() + counts.suspense()).isEqualTo(counts.payments());
    }

    @Property
    void a_re_import_books_nothing_and_answers_what_was_booked(@ForAll("statements") Statement statement) {
        Ledger ledger = new Ledger(scenarioParties());
        StatementImporter.run(statement, ledger.parties, ledger);
        Map<String, Match> first = new LinkedHashMap<>(ledger.booked);
        StatementImporter.Counts again = StatementImporter.Counts.of(StatementImporter.run(statement, ledger.parties,
                ledger));
        assertThat(ledger.booked).isEqualTo(first);
        assertThat(again.payments()).isZero();
        assertThat(again.alreadyBooked()).isEqualTo(first.size());
    }

    @Property
    void imports_in_any_order_with_re_imports_book_each_transaction_once(@ForAll("statements") Statement one,
                                                                         @ForAll("statements") Statement generated) {
        // statement ids are unique per account: a transaction without servicer reference is known by its statement
        // and a servicer reference names one transaction: the other statement's references are its own
        Statement other = new Statement(generated.accountIban(), "U", DAY, 3L, 0L, generated.closingCents(),
                generated.entries().stream().map(StatementImportProperties::ownReference).toList());
        Statement overlap = new Statement(other.accountIban(), "T", DAY, 2L, 0L, 0L, concat(one, other));
        Ledger forward = new Ledger(scenarioParties());
        for (Statement statement : List.of(one, overlap, other, one)) {
            StatementImporter.run(statement, forward.parties, forward);
        }
        Ledger backward = new Ledger(scenarioParties());
        for (Statement statement : List.of(other, one, overlap, other)) {
            StatementImporter.run(statement, backward.parties, backward);
        }
        assertThat(backward.amounts).containsExactlyInAnyOrderEntriesOf(forward.amounts);
        assertThat(forward.amounts.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(distinctBookedCreditCents(one, other, overlap));
    }

    private static Statement.Entry ownReference(Statement.Entry entry) {
        return new Statement.Entry(entry.amountCents(), entry.credit(), entry.status(), entry.bookingDate(),
                entry.valueDate(), entry.accountServicerRef() == null ? null : "U" + entry.accountServicerRef(),
                entry.reversal(), entry.additionalInfo(), entry.transactions());
    }

    /** Entries with a servicer reference are the same transaction in any statement; others are the statement's own. */
    private static List<Statement.Entry> concat(Statement one, Statement other) {
        List<Statement.Entry> entries = new ArrayList<>(one.entries());
        other.entries().stream().filter(entry -> one.entries().stream().noneMatch(mine -> mine.accountServicerRef() != null
                && mine.accountServicerRef().equals(entry.accountServicerRef()))).forEach(entries::add);
        return entries;
    }

    private static long distinctBookedCreditCents(Statement... statements) {
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (Statement statement : statements) {
            statement.lines().stream().filter(line -> line.booked() && line.credit())
                    .forEach(line -> distinct.putIfAbsent(line.key(), line.amountCents()));
        }
        return distinct.values().stream().mapToLong(Long::longValue).sum();
    }
}
