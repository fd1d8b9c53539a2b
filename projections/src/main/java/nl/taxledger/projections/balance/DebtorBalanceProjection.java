package nl.taxledger.projections.balance;

import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import nl.taxledger.projections.batch.BatchedWrites;
import nl.taxledger.projections.batch.BatchedWrites.Statement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open amounts per debtor. The command handler decided every allocation and stored it in the
 * event; this class only adds those amounts up, so a replay gives the same figures even after
 * the allocation rule changed. Rows are written per processor batch ({@link BatchedWrites}).
 */
@ProcessingGroup(DebtorBalanceProjection.PROCESSING_GROUP)
public class DebtorBalanceProjection {

    public static final String PROCESSING_GROUP = "debtor-balances";

    /** Upsert: the first fact about a debtor creates its row; later ones add to its credit. */
    static final Statement CREDIT = Statement.keyThenDelta(
            "credit",
            "INSERT INTO balance_debtor (debtor_id, credit_cents)"
                    + " SELECT u.d, u.delta::bigint FROM " + BatchedWrites.unnest("d", "delta")
                    + " ON CONFLICT (debtor_id) DO UPDATE SET credit_cents = balance_debtor.credit_cents + EXCLUDED.credit_cents");

    static final Statement ASSESSMENT = Statement.rows(
            "assessment",
            "INSERT INTO balance_assessment (assessment_id,"
                    + " debtor_id, issue_date, due_date, payment_reference) SELECT u.a, u.d, u.issued::date, u.due::date, u.ref FROM "
                    + BatchedWrites.unnest("a", "d", "issued", "due", "ref"));
    static final Statement LINE = Statement.rows(
            "line",
            "INSERT INTO balance_line (assessment_id, line_id, participant_id,"
                    + " tax_type, tax_year, imposed_cents, open_cents) SELECT u.a, u.l, u.p, u.t, u.y::int, u.imposed::bigint,"
                    + " u.open::bigint FROM " + BatchedWrites.unnest("a", "l", "p", "t", "y", "imposed", "open"));
    static final Statement COST_ITEM = Statement.rows(
            "cost item",
            "INSERT INTO balance_cost_item (assessment_id, cost_id,"
                    + " kind, charge_date, charged_cents, open_cents) SELECT u.a, u.c, u.kind, u.charged_on::date, u.charged::bigint,"
                    + " u.open::bigint FROM "
                    + BatchedWrites.unnest("a", "c", "kind", "charged_on", "charged", "open"));
    static final Statement INTEREST_ITEM = Statement.rows(
            "interest item",
            "INSERT INTO balance_interest_item (assessment_id,"
                    + " interest_id, charge_date, charged_cents, open_cents) SELECT u.a, u.i, u.charged_on::date, u.charged::bigint,"
                    + " u.open::bigint FROM " + BatchedWrites.unnest("a", "i", "charged_on", "charged", "open"));
    static final Statement PAYMENT = Statement.rows(
            "payment",
            "INSERT INTO balance_payment (payment_id, debtor_id,"
                    + " amount_cents, value_date, booking_date, channel, reference) SELECT u.p, u.d, u.amount::bigint,"
                    + " u.valued::date, u.booked::date, u.channel, u.ref FROM "
                    + BatchedWrites.unnest("p", "d", "amount", "valued", "booked", "channel", "ref"));
    static final Statement PAYMENT_REVERSED = Statement.rows(
            "payment reversed",
            "UPDATE balance_payment b SET reversed = TRUE" + " FROM " + BatchedWrites.unnest("p", "d")
                    + " WHERE b.payment_id = u.p AND b.debtor_id = u.d AND NOT b.reversed");

    private final BatchedWrites.Plan plan;

    public DebtorBalanceProjection(JdbcTemplate jdbc) {
        // inserts before the updates that need their rows; the payment flag last
        this.plan = new BatchedWrites.Plan(
                PROCESSING_GROUP,
                jdbc,
                CREDIT,
                ASSESSMENT,
                LINE,
                COST_ITEM,
                INTEREST_ITEM,
                PAYMENT,
                OpenItems.LOWER_COSTS,
                OpenItems.LOWER_INTEREST,
                OpenItems.LOWER_PRINCIPAL,
                PAYMENT_REVERSED);
    }

    @EventHandler
    void on(AssessmentImposed event) {
        BatchedWrites writes = plan.current();
        addCredit(writes, event.debtorId(), 0);
        writes.add(
                ASSESSMENT,
                event.assessmentId(),
                event.debtorId(),
                event.issueDate(),
                event.dueDate(),
                event.paymentReference());
        event.lines()
                .forEach(line -> writes.add(
                        LINE,
                        event.assessmentId(),
                        line.lineId(),
                        line.participantId(),
                        line.taxType(),
                        line.taxYear(),
                        line.amountCents(),
                        line.amountCents()));
    }

    @EventHandler
    void on(CostsCharged event) {
        plan.current()
                .add(
                        COST_ITEM,
                        event.assessmentId(),
                        event.costId(),
                        event.kind(),
                        event.date(),
                        event.amountCents(),
                        event.amountCents());
    }

    @EventHandler
    void on(InterestCharged event) {
        plan.current()
                .add(
                        INTEREST_ITEM,
                        event.assessmentId(),
                        event.interestId(),
                        event.date(),
                        event.amountCents(),
                        event.amountCents());
    }

    @EventHandler
    void on(PaymentReceived event) {
        BatchedWrites writes = plan.current();
        // negativeCreditSettledCents paid off the negative credit, so it raises the credit too
        addCredit(writes, event.debtorId(), event.creditCents() + event.negativeCreditSettledCents());
        OpenItems.lower(writes, event.allocations());
        writes.add(
                PAYMENT,
                event.paymentId(),
                event.debtorId(),
                event.amountCents(),
                event.valueDate(),
                event.bookingDate(),
                event.channel(),
                event.reference());
    }

    @EventHandler
    void on(CreditOffset event) {
        BatchedWrites writes = plan.current();
        addCredit(writes, event.debtorId(), -event.amountCents());
        OpenItems.lower(writes, event.allocations());
    }

    @EventHandler
    void on(PaymentReversed event) {
        BatchedWrites writes = plan.current();
        OpenItems.raise(writes, event.takenBack());
        long creditTakenCents =
                event.ownCreditTakenCents() + sum(event.otherCreditTaken()) + event.negativeCreditAddedCents();
        addCredit(writes, event.debtorId(), -creditTakenCents);
        writes.add(PAYMENT_REVERSED, event.paymentId(), event.debtorId());
    }

    /** The paid part taken back leaves open unchanged: the line's assessed amount shrinks by the same amount. */
    @EventHandler
    void on(AssessmentReduced event) {
        BatchedWrites writes = plan.current();
        OpenItems.lowerLine(writes, event.assessmentId(), event.lineId(), event.openReducedCents());
        addCredit(writes, event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(CostsCancelled event) {
        BatchedWrites writes = plan.current();
        OpenItems.lower(writes, event.assessmentId(), Component.COSTS, event.costId(), event.openCancelledCents());
        addCredit(writes, event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(InterestCancelled event) {
        BatchedWrites writes = plan.current();
        OpenItems.lower(
                writes, event.assessmentId(), Component.INTEREST, event.interestId(), event.openCancelledCents());
        addCredit(writes, event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(RefundPaid event) {
        addCredit(plan.current(), event.debtorId(), -event.amountCents());
    }

    @EventHandler
    void on(RemissionGranted event) {
        BatchedWrites writes = plan.current();
        for (ClaimAmount item : event.items()) {
            OpenItems.lower(writes, event.assessmentId(), item.component(), item.itemId(), item.amountCents());
        }
    }

    @EventHandler
    void on(WrittenOffAsUncollectible event) {
        OpenItems.lowerLine(plan.current(), event.assessmentId(), event.lineId(), event.amountCents());
    }

    @EventHandler
    void on(UncollectibleReinstated event) {
        OpenItems.lowerLine(plan.current(), event.assessmentId(), event.lineId(), -event.amountCents());
    }

    /** A token reset replays from the start; the tables must be empty for the replay to rebuild them identically. */
    @ResetHandler
    void reset(Object resetContext) {
        plan.reset(
                resetContext,
                "balance_payment",
                "balance_line",
                "balance_cost_item",
                "balance_interest_item",
                "balance_assessment",
                "balance_debtor");
    }

    private static void addCredit(BatchedWrites writes, String debtorId, long deltaCents) {
        writes.addDelta(CREDIT, deltaCents, debtorId);
    }

    private static long sum(List<PaymentAmount> amounts) {
        return amounts.stream().mapToLong(PaymentAmount::amountCents).sum();
    }

    private static long sumAllocations(List<Allocation> allocations) {
        return allocations.stream().mapToLong(Allocation::amountCents).sum();
    }
}
