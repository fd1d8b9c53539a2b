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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open amounts per debtor. The command handler decided every allocation and stored it in the
 * event; this class only adds those amounts up, so a replay gives the same figures even after
 * the allocation rule changed.
 */
@ProcessingGroup(DebtorBalanceProjection.PROCESSING_GROUP)
public class DebtorBalanceProjection {

    public static final String PROCESSING_GROUP = "debtor-balances";

    private final JdbcTemplate jdbc;
    private final OpenItems openItems;

    public DebtorBalanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.openItems = new OpenItems(jdbc);
    }

    @EventHandler
    void on(AssessmentImposed event) {
        addCredit(event.debtorId(), 0);
        jdbc.update("INSERT INTO balance_assessment (assessment_id, debtor_id, issue_date, due_date, payment_reference)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.assessmentId(), event.debtorId(), event.issueDate(), event.dueDate(), event.paymentReference());
        jdbc.batchUpdate("INSERT INTO balance_line (assessment_id, line_id, participant_id, tax_type, tax_year,"
                        + " imposed_cents, open_cents) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.lines(), event.lines().size(), (ps, line) -> {
                    ps.setString(1, event.assessmentId());
                    ps.setString(2, line.lineId());
                    ps.setString(3, line.participantId());
                    ps.setString(4, line.taxType());
                    ps.setInt(5, line.taxYear());
                    ps.setLong(6, line.amountCents());
                    ps.setLong(7, line.amountCents());
                });
    }

    @EventHandler
    void on(CostsCharged event) {
        jdbc.update("INSERT INTO balance_cost_item (assessment_id, cost_id, kind, charge_date, charged_cents, open_cents)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.assessmentId(), event.costId(), event.kind(), event.date(), event.amountCents(), event.amountCents());
    }

    @EventHandler
    void on(InterestCharged event) {
        jdbc.update("INSERT INTO balance_interest_item (assessment_id, interest_id, charge_date, charged_cents, open_cents)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.assessmentId(), event.interestId(), event.date(), event.amountCents(), event.amountCents());
    }

    @EventHandler
    void on(PaymentReceived event) {
        // negativeCreditSettledCents paid off the negative credit, so it raises the credit too
        addCredit(event.debtorId(), event.creditCents() + event.negativeCreditSettledCents());
        openItems.lower(event.allocations());
        jdbc.update("INSERT INTO balance_payment (payment_id, debtor_id, amount_cents, value_date, booking_date, channel,"
                        + " reference) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.paymentId(), event.debtorId(), event.amountCents(), event.valueDate(), event.bookingDate(),
                event.channel(), event.reference());
    }

    @EventHandler
    void on(CreditOffset event) {
        addCredit(event.debtorId(), -event.amountCents());
        openItems.lower(event.allocations());
    }

    @EventHandler
    void on(PaymentReversed event) {
        openItems.raise(event.takenBack());
        long creditTakenCents = event.ownCreditTakenCents() + sum(event.otherCreditTaken())
                + event.negativeCreditAddedCents();
        addCredit(event.debtorId(), -creditTakenCents);
        Updates.exactlyOne(jdbc, "payment " + event.paymentId(),
                "UPDATE balance_payment SET reversed = TRUE WHERE payment_id = ? AND debtor_id = ? AND NOT reversed",
                event.paymentId(), event.debtorId());
    }

    /** The paid part taken back leaves open unchanged: the line's assessed amount shrinks by the same amount. */
    @EventHandler
    void on(AssessmentReduced event) {
        openItems.lowerLine(event.assessmentId(), event.lineId(), event.openReducedCents());
        addCredit(event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(CostsCancelled event) {
        openItems.lower(event.assessmentId(), Component.COSTS, event.costId(),
                event.openCancelledCents());
        addCredit(event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(InterestCancelled event) {
        openItems.lower(event.assessmentId(), Component.INTEREST, event.interestId(),
                event.openCancelledCents());
        addCredit(event.debtorId(), sumAllocations(event.takenBack()));
    }

    @EventHandler
    void on(RefundPaid event) {
        addCredit(event.debtorId(), -event.amountCents());
    }

    @EventHandler
    void on(RemissionGranted event) {
        for (ClaimAmount item : event.items()) {
            openItems.lower(event.assessmentId(), item.component(), item.itemId(), item.amountCents());
        }
    }

    @EventHandler
    void on(WrittenOffAsUncollectible event) {
        openItems.lowerLine(event.assessmentId(), event.lineId(), event.amountCents());
    }

    @EventHandler
    void on(UncollectibleReinstated event) {
        openItems.lowerLine(event.assessmentId(), event.lineId(), -event.amountCents());
    }

    /** A token reset replays from the start; the tables must be empty for the replay to rebuild them identically. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE balance_payment, balance_line, balance_cost_item, balance_interest_item,"
                + " balance_assessment, balance_debtor");
    }

    /** Upsert: the first fact about a debtor creates its row. */
    private void addCredit(String debtorId, long deltaCents) {
        jdbc.update("INSERT INTO balance_debtor (debtor_id, credit_cents) VALUES (?, ?)"
                        + " ON CONFLICT (debtor_id) DO UPDATE SET credit_cents = balance_debtor.credit_cents + EXCLUDED.credit_cents",
                debtorId, deltaCents);
    }

    private static long sum(List<PaymentAmount> amounts) {
        return amounts.stream().mapToLong(PaymentAmount::amountCents).sum();
    }

    private static long sumAllocations(List<Allocation> allocations) {
        return allocations.stream().mapToLong(Allocation::amountCents).sum();
    }
}
