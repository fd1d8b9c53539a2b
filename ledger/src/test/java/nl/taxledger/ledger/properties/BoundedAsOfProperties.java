package nl.taxledger.ledger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import nl.taxledger.ledger.api.AssignUnmatchedPayment;
import nl.taxledger.ledger.api.HoldUnmatchedPayment;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.ReverseUnmatchedPayment;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.oracle.OracleFold;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Issue 14: the as-of fold that holds one debtor at a time (facts outside the debtors' accounts in global order,
 * then each debtor's account in key order) reports exactly what the fold over every fact in global order reported
 * before it ({@link OracleFold}, kept unchanged), for random ledgers of several debtors whose histories interleave,
 * with payments held in suspense, assigned to a debtor or sent back, at any reference and knowledge date.
 */
class BoundedAsOfProperties {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final int DEBTORS = 3;

    /** Whose turn it is: a debtor (0..2) or the suspense account (3), and what happens. */
    record Turn(int who, LedgerProperties.Step step) {}

    @Provide
    Arbitrary<List<Turn>> ledgers() {
        Arbitrary<LedgerProperties.Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.longs().between(1, 60_000))
                .as(LedgerProperties.Step::new);
        return Combinators.combine(Arbitraries.integers().between(0, DEBTORS), step)
                .as(Turn::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }

    @Property(tries = 200)
    void the_fold_one_debtor_at_a_time_reports_what_the_fold_in_global_order_reports(
            @ForAll("ledgers") List<Turn> turns,
            @ForAll @IntRange(min = -800, max = 60) int asOfOffsetDays,
            @ForAll @IntRange(min = -5, max = 60) int knownAtOffsetDays,
            @ForAll boolean unbounded) {
        InMemoryLedger ledger = new InMemoryLedger();
        try {
            run(ledger, turns);
            LocalDate asOf = unbounded ? null : DAY.plusDays(asOfOffsetDays);
            LocalDate knownAt = unbounded ? null : DAY.plusDays(knownAtOffsetDays);
            List<DomainEventMessage<?>> stored = ledger.allEvents();

            OracleFold before = new OracleFold(asOf, knownAt);
            stored.forEach(e -> before.apply((LedgerFact) e.getPayload()));
            List<DebtorPosition> streamed = new ArrayList<>();
            AsOfFold bounded = boundedFold(stored, new AsOfFold(asOf, knownAt, streamed::add));
            AsOfFold inMemory = new AsOfFold(asOf, knownAt);
            stored.forEach(e -> inMemory.apply((LedgerFact) e.getPayload()));

            for (AsOfFold after : List.of(bounded, inMemory)) {
                assertThat(after.trialBalance()).isEqualTo(before.trialBalance());
                assertThat(after.reconciliation()).isEqualTo(before.reconciliation());
                assertThat(after.managementInfo()).isEqualTo(before.managementInfo());
                assertThat(after.collectionRate()).isEqualTo(before.collectionRate());
                assertThat(after.suspenseCents()).isEqualTo(before.suspenseCents());
                assertThat(after.factsSeen()).isEqualTo(before.factsSeen());
                assertThat(after.factsCounted()).isEqualTo(before.factsCounted());
            }
            assertThat(streamed).isEqualTo(before.debtors());
            assertThat(inMemory.debtors()).isEqualTo(before.debtors());
        } finally {
            ledger.stop();
        }
    }

    /** Fed as {@code EventStoreReader} reads a store: shared facts by global index, then debtor by debtor. */
    private static AsOfFold boundedFold(List<DomainEventMessage<?>> stored, AsOfFold fold) {
        Map<String, List<long[]>> debtorEvents = new TreeMap<>(); // debtorId → [position, index in stored]
        for (int position = 0; position < stored.size(); position++) {
            DomainEventMessage<?> e = stored.get(position);
            if ("DebtorAccount".equals(e.getType())) {
                debtorEvents
                        .computeIfAbsent(e.getAggregateIdentifier(), d -> new ArrayList<>())
                        .add(new long[] {e.getSequenceNumber(), position});
            } else {
                fold.applyShared(position, (LedgerFact) e.getPayload());
            }
        }
        debtorEvents.forEach((debtorId, events) -> {
            events.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] event : events) {
                int position = (int) event[1];
                fold.applyDebtor(
                        position, debtorId, (LedgerFact) stored.get(position).getPayload());
            }
        });
        return fold.finish();
    }

    /** Runs the turns: each debtor's own random history, and payments into and out of suspense between them. */
    private static void run(InMemoryLedger ledger, List<Turn> turns) {
        List<LedgerProperties.History> debtors = new ArrayList<>();
        for (int d = 0; d < DEBTORS; d++) {
            debtors.add(new LedgerProperties.History(ledger, "D" + (DEBTORS - d))); // key order ≠ creation order
        }
        List<String> held = new ArrayList<>();
        int counter = 0;
        for (Turn turn : turns) {
            LedgerProperties.Step s = turn.step();
            LocalDate day = DAY.plusDays(counter++ % 40);
            if (turn.who() < DEBTORS) {
                debtors.get(turn.who()).run(s);
            } else if (held.isEmpty() || s.kind() < 6) {
                String paymentId = "U" + counter;
                if (ledger.send(new HoldUnmatchedPayment(
                        paymentId, s.amountCents(), day, "?", PaymentChannel.TRANSFER, null, day))) {
                    held.add(paymentId);
                }
            } else {
                String paymentId = held.remove(s.pick() % held.size());
                Object command = s.kind() < 10
                        ? new AssignUnmatchedPayment(paymentId, "D" + (1 + s.pick2() % DEBTORS), null, day)
                        : new ReverseUnmatchedPayment(paymentId, day, "MD06", day);
                ledger.send(command);
            }
        }
    }
}
