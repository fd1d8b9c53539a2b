package nl.taxledger.projections.suspense;

import java.time.LocalDate;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.projections.batch.BatchedWrites;
import nl.taxledger.projections.batch.BatchedWrites.Statement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** The suspense account (tussenrekening): payments that matched no debtor, until assigned or reversed. */
@ProcessingGroup(SuspenseProjection.PROCESSING_GROUP)
public class SuspenseProjection {

    public static final String PROCESSING_GROUP = "suspense";

    static final Statement ITEM = Statement.rows(
            "item",
            "INSERT INTO suspense_item (payment_id, amount_cents,"
                    + " value_date, booking_date, reference, channel, status) SELECT u.p, u.amount::bigint, u.valued::date,"
                    + " u.booked::date, u.ref, u.channel, 'OPEN' FROM "
                    + BatchedWrites.unnest("p", "amount", "valued", "booked", "ref", "channel"));
    /** Closing what is not open would make the suspense balance wrong: no row halts the processor. */
    static final Statement CLOSE = Statement.rows(
            "close",
            "UPDATE suspense_item s SET status = u.status,"
                    + " closed_to_debtor = u.debtor, closed_on = u.closed::date FROM "
                    + BatchedWrites.unnest("status", "debtor", "closed", "p")
                    + " WHERE s.payment_id = u.p AND s.status = 'OPEN'");

    private final BatchedWrites.Plan plan;

    public SuspenseProjection(JdbcTemplate jdbc) {
        this.plan = new BatchedWrites.Plan(PROCESSING_GROUP, jdbc, ITEM, CLOSE);
    }

    @EventHandler
    void on(PaymentUnmatched event) {
        plan.current()
                .add(
                        ITEM,
                        event.paymentId(),
                        event.amountCents(),
                        event.valueDate(),
                        event.bookingDate(),
                        event.reference(),
                        event.channel());
    }

    @EventHandler
    void on(UnmatchedPaymentAssigned event) {
        close(event.paymentId(), "ASSIGNED", event.debtorId(), event.bookingDate());
    }

    @EventHandler
    void on(UnmatchedPaymentReversed event) {
        close(event.paymentId(), "REVERSED", null, event.bookingDate());
    }

    /** A token reset replays from the start; the table must be empty for the replay to rebuild it identically. */
    @ResetHandler
    void reset(Object resetContext) {
        plan.reset(resetContext, "suspense_item");
    }

    private void close(String paymentId, String status, String debtorId, LocalDate bookingDate) {
        plan.current().add(CLOSE, status, debtorId, bookingDate, paymentId);
    }
}
