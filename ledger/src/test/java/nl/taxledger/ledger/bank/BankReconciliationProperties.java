package nl.taxledger.ledger.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Random chains of day statements with credits (known and unknown references), bank costs and debits of our payouts
 * (domain.md §9), imported in two random orders with re-imports: money in on the statements is payments booked plus
 * suspense, both orders leave the same ledger (the same payments with the same amounts, the same payouts executed
 * by the same transactions), and the bank reconciliation on every statement date leaves nothing unexplained. Which
 * debtor an IBAN-only payment lands on may differ between orders: rule 5 learns from the payments booked before
 * it, by design (§9), so the debtors are not compared.
 */
class BankReconciliationProperties {
    private static final String ACCOUNT = "NL42INGB8340629042";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-02");
    private static final List<String> TEXTS = List.of(
            "7561629071533939",
            "Betalingskenmerk 3417 0195 3713 8336",
            "aanslag a13-4",
            "subjectnummer S13c",
            "S13a en S13b",
            "bijdrage",
            "",
            "A13-44");
    private static final List<String> IBANS = List.of("NL71INGB2432854578", "NL73RABO9478927787", "NL50SNSB7390990597");
    /** Our released payouts: EndToEndId → amount, all booked in the ledger before the first statement. */
    private static final Map<String, Long> PAYOUTS = Map.of(
            PayoutIds.refund("R1"),
            20_00L,
            PayoutIds.refund("R2"),
            35_50L,
            PayoutIds.remittance("GEM-A", FIRST_DAY.minusDays(1)),
            1_234_56L);

    /** The ledger as the service keeps it: payments and executed payouts once per transaction key, statement lines. */
    private static final class Ledger implements StatementImporter.Bookings {
        final InMemoryParties parties = new InMemoryParties()
                .assessment("A13-1", "S13a", "7561629071533939")
                .assessment("A13-2", "S13b", "3417019537138336")
                .assessment("A13-4", "S13c", "A13-4");
        final Map<String, Match> payments = new LinkedHashMap<>();
        final Map<String, Long> paymentCents = new HashMap<>();
        final Map<String, String> executedBy = new HashMap<>();
        final Map<String, BankReconciliation.BankLine> statementLines = new LinkedHashMap<>();
        final Map<String, BankReconciliation.StatementBalance> statements = new LinkedHashMap<>();
        final List<BankLedgerLine> bankLines = new ArrayList<>();

        Ledger() {
            PAYOUTS.forEach((id, cents) -> bankLines.add(
                    new BankLedgerLine(BankLedgerLine.PAYOUT + id, -cents, FIRST_DAY.minusDays(1), null)));
        }

        @Override
        public StatementImporter.Booking bookOnce(StatementLine line, Function<StatementLine, Match> decide) {
            if (payments.containsKey(line.key())) {
                return new StatementImporter.Booking(payments.get(line.key()), true);
            }
            Match match = decide.apply(line);
            payments.put(line.key(), match);
            paymentCents.put(line.key(), line.amountCents());
            bankLines.add(new BankLedgerLine(
                    BankLedgerLine.PAYMENT + line.paymentId(), line.amountCents(), line.valueDate(), line.paymentId()));
            if (match.debtorId() != null && line.transaction().counterpartyIban() != null) {
                parties.paidFrom(line.transaction().counterpartyIban(), match.debtorId());
            }
            return new StatementImporter.Booking(match, false);
        }

        @Override
        public StatementImporter.DebitBooking debit(StatementLine line) {
            String endToEndId = line.transaction().endToEndId();
            if (endToEndId == null || !PAYOUTS.containsKey(endToEndId)) {
                return new StatementImporter.DebitBooking(StatementImporter.Outcome.UNRECONCILED_DEBIT, null);
            }
            String before = executedBy.putIfAbsent(endToEndId, line.key());
            if (before == null) {
                return new StatementImporter.DebitBooking(StatementImporter.Outcome.PAYOUT_EXECUTED, null, endToEndId);
            }
            return new StatementImporter.DebitBooking(
                    before.equals(line.key())
                            ? StatementImporter.Outcome.ALREADY_BOOKED
                            : StatementImporter.Outcome.UNRECONCILED_DEBIT,
                    null,
                    before.equals(line.key()) ? endToEndId : null);
        }

        void importStatement(Statement statement) {
            statement.check();
            statements.putIfAbsent(
                    statement.statementId(),
                    new BankReconciliation.StatementBalance(
                            statement.statementId(),
                            statement.statementDate(),
                            statement.electronicSequence(),
                            statement.openingCents(),
                            statement.closingCents(),
                            null));
            for (StatementImporter.LineResult result : StatementImporter.run(statement, parties, this)) {
                StatementLine line = result.line();
                if (!line.booked()) {
                    continue;
                }
                String key = line.credit()
                        ? BankLedgerLine.PAYMENT + line.paymentId()
                        : result.payout() != null ? BankLedgerLine.PAYOUT + result.payout() : "debit:" + line.key();
                statementLines.putIfAbsent(
                        statement.statementId() + "|" + line.key(),
                        new BankReconciliation.BankLine(
                                statement.statementId(),
                                key,
                                line.credit() ? line.amountCents() : -line.amountCents(),
                                null));
            }
        }

        BankReconciliation.Report reconcile(LocalDate date) {
            return BankReconciliation.reconcile(
                    ACCOUNT, date, List.copyOf(statements.values()), List.copyOf(statementLines.values()), bankLines);
        }
    }

    @Provide
    Arbitrary<List<Statement>> chains() {
        Arbitrary<Statement.Transaction> credit = Combinators.combine(
                        Arbitraries.longs().between(1, 100_000), Arbitraries.of(TEXTS), Arbitraries.of(IBANS))
                .as((cents, text, iban) -> new Statement.Transaction(cents, null, null, text, iban, "X"));
        Arbitrary<Statement.Entry> credits = Combinators.combine(
                        credit.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("BOOK", "BOOK", "BOOK", "PDNG"))
                .as((txs, status) -> entry(true, status, txs));
        Arbitrary<Statement.Entry> costs = Arbitraries.longs()
                .between(1, 5_000)
                .map(cents ->
                        entry(false, "BOOK", List.of(new Statement.Transaction(cents, null, null, null, null, null))));
        Arbitrary<Statement.Entry> payouts = Arbitraries.of(List.copyOf(PAYOUTS.keySet()))
                .map(id -> entry(
                        false,
                        "BOOK",
                        List.of(new Statement.Transaction(PAYOUTS.get(id), id, null, "uitbetaling", null, null))));
        Arbitrary<List<Statement.Entry>> day = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, credits),
                        net.jqwik.api.Tuple.of(2, costs),
                        net.jqwik.api.Tuple.of(2, payouts))
                .list()
                .ofMaxSize(8);
        return Combinators.combine(
                        day.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.longs().between(0, 500_000))
                .as(BankReconciliationProperties::chain);
    }

    private static Statement.Entry entry(boolean credit, String status, List<Statement.Transaction> txs) {
        long cents = txs.stream().mapToLong(Statement.Transaction::amountCents).sum();
        return new Statement.Entry(cents, credit, status, null, null, null, false, "Kosten", txs);
    }

    /** Day statements in sequence: each opens with the closing balance before it; servicer references unique. */
    private static List<Statement> chain(List<List<Statement.Entry>> days, long openingCents) {
        List<Statement> chain = new ArrayList<>();
        long balance = openingCents;
        int reference = 0;
        java.util.Set<String> paid = new java.util.HashSet<>();
        for (int n = 0; n < days.size(); n++) {
            LocalDate date = FIRST_DAY.plusDays(n);
            List<Statement.Entry> entries = new ArrayList<>();
            for (Statement.Entry e : days.get(n)) {
                String endToEndId = e.transactions().get(0).endToEndId();
                if (endToEndId != null && !paid.add(endToEndId)) {
                    // one debit per payout: which of two debits executes it would depend on the import order
                    e = entry(
                            false,
                            "BOOK",
                            List.of(new Statement.Transaction(e.amountCents(), null, null, null, null, null)));
                }
                entries.add(new Statement.Entry(
                        e.amountCents(),
                        e.credit(),
                        e.status(),
                        date,
                        date,
                        "REF" + (++reference),
                        false,
                        e.additionalInfo(),
                        e.transactions()));
            }
            long closing = balance
                    + entries.stream()
                            .filter(Statement.Entry::booked)
                            .mapToLong(e -> e.credit() ? e.amountCents() : -e.amountCents())
                            .sum();
            chain.add(new Statement(ACCOUNT, "STMT-" + (n + 1), date, n + 1L, balance, closing, entries));
            balance = closing;
        }
        return chain;
    }

    private static Ledger importAll(List<Statement> order) {
        Ledger ledger = new Ledger();
        order.forEach(ledger::importStatement);
        return ledger;
    }

    @Property(tries = 200)
    void money_in_is_payments_plus_suspense_the_ledger_is_the_same_in_any_order_and_nothing_is_unexplained(
            @ForAll("chains") List<Statement> chain, @ForAll java.util.Random random) {
        List<Statement> forward = new ArrayList<>(chain);
        forward.add(chain.get(random.nextInt(chain.size()))); // a re-import
        List<Statement> shuffled = new ArrayList<>(forward);
        shuffled.add(chain.get(random.nextInt(chain.size())));
        java.util.Collections.shuffle(shuffled, random);

        Ledger one = importAll(forward);
        Ledger other = importAll(shuffled);

        long bookedCreditCents = chain.stream()
                .flatMap(s -> s.lines().stream())
                .filter(line -> line.booked() && line.credit())
                .mapToLong(StatementLine::amountCents)
                .sum();
        assertThat(one.paymentCents.values().stream().mapToLong(Long::longValue).sum())
                .as("money in = payments on debtors + suspense")
                .isEqualTo(bookedCreditCents);
        assertThat(other.paymentCents).isEqualTo(one.paymentCents);
        assertThat(other.executedBy).isEqualTo(one.executedBy);
        for (Statement statement : chain) {
            BankReconciliation.Report report = other.reconcile(statement.statementDate());
            assertThat(report.statementClosingCents()).isEqualTo(statement.closingCents());
            assertThat(report.unexplainedCents()).as(report.toString()).isZero();
            assertThat(report.where()).isEmpty();
            assertThat(report).isEqualTo(one.reconcile(statement.statementDate()));
        }
    }
}
