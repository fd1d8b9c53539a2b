package nl.taxledger.projections.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.PrincipalReceipt;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import nl.taxledger.projections.batch.BatchedWrites;
import nl.taxledger.projections.batch.BatchedWrites.Statement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation per participant × tax type × tax year (domain.md §6), as signed movements.
 * Only principal counts: costs and interest are the collector's income, not the participant's.
 * The event identifier keys the movements, so a replay writes the same rows. Rows are written per processor
 * batch ({@link BatchedWrites}), lines before the movements that read them.
 */
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
public class ReconciliationProjection {

    public static final String PROCESSING_GROUP = "reconciliation";

    static final Statement LINE = Statement.rows(
            "line",
            "INSERT INTO reconciliation_line (assessment_id, line_id,"
                    + " participant_id, tax_type, tax_year) SELECT u.a, u.l, u.p, u.t, u.y::int FROM "
                    + BatchedWrites.unnest("a", "l", "p", "t", "y"));
    /** A movement takes participant, tax type and year from its line; no row means a line this group never saw. */
    static final Statement MOVEMENT = Statement.rows(
            "movement",
            "INSERT INTO reconciliation_movement (event_id, seq,"
                    + " participant_id, tax_type, tax_year, measure, amount_cents, effective_date, booking_date)"
                    + " SELECT u.e, u.s::int, l.participant_id, l.tax_type, l.tax_year, u.m, u.amount::bigint, u.effective::date,"
                    + " u.booked::date FROM "
                    + BatchedWrites.unnest("e", "s", "m", "amount", "effective", "booked", "a", "l")
                    + " JOIN reconciliation_line l ON l.assessment_id = u.a AND l.line_id = u.l");

    private final BatchedWrites.Plan plan;

    public ReconciliationProjection(JdbcTemplate jdbc) {
        this.plan = new BatchedWrites.Plan(PROCESSING_GROUP, jdbc, LINE, MOVEMENT);
    }

    /**
     * One handler for every fact: the measures a fact type counts under, then its principal receipts (which facts
     * have receipts is the fact's own answer, {@link LedgerFact#principalReceipts()}), all on the fact's own dates.
     */
    @EventHandler
    void on(LedgerFact fact, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, fact.effectiveDate(), fact.bookingDate());
        measures(fact, movements);
        for (PrincipalReceipt receipt : fact.principalReceipts()) {
            movements.add(receipt.assessmentId(), receipt.lineId(), Measure.RECEIVED, receipt.amountCents());
        }
        movements.write(plan);
    }

    /** The whole reduction counts under its kind; its paid part also lowers what was received (a receipt). */
    private void measures(LedgerFact fact, Movements movements) {
        if (fact instanceof AssessmentImposed event) {
            BatchedWrites writes = plan.current();
            event.lines()
                    .forEach(line -> writes.add(
                            LINE,
                            event.assessmentId(),
                            line.lineId(),
                            line.participantId(),
                            line.taxType(),
                            line.taxYear()));
            event.lines()
                    .forEach(line ->
                            movements.add(event.assessmentId(), line.lineId(), Measure.IMPOSED, line.amountCents()));
        } else if (fact instanceof AssessmentReduced event) {
            movements.add(event.assessmentId(), event.lineId(), Measure.of(event.kind()), event.amountCents());
        } else if (fact instanceof RemissionGranted event) {
            for (ClaimAmount item : event.items()) {
                if (item.component() == Component.PRINCIPAL) {
                    movements.add(event.assessmentId(), item.itemId(), Measure.REMISSION, item.amountCents());
                }
            }
        } else if (fact instanceof WrittenOffAsUncollectible event) {
            movements.add(event.assessmentId(), event.lineId(), Measure.UNCOLLECTIBLE, event.amountCents());
        } else if (fact instanceof UncollectibleReinstated event) {
            // uncollectible is reported net of reinstatements
            movements.add(event.assessmentId(), event.lineId(), Measure.UNCOLLECTIBLE, -event.amountCents());
        }
    }

    /** A token reset replays from the start; the tables must be empty for the replay to rebuild them identically. */
    @ResetHandler
    void reset(Object resetContext) {
        plan.reset(resetContext, "reconciliation_movement", "reconciliation_line");
    }

    /** The movements of one event, numbered in event order so the key is the same on every replay. */
    private static final class Movements {

        private final String eventId;
        private final LocalDate effectiveDate;
        private final LocalDate bookingDate;
        private final List<Object[]> rows = new ArrayList<>();

        Movements(String eventId, LocalDate effectiveDate, LocalDate bookingDate) {
            this.eventId = eventId;
            this.effectiveDate = effectiveDate;
            this.bookingDate = bookingDate;
        }

        void add(String assessmentId, String lineId, Measure measure, long amountCents) {
            rows.add(new Object[] {
                eventId, rows.size(), measure.name(), amountCents, effectiveDate, bookingDate, assessmentId, lineId
            });
        }

        /** Facts without movements (most of them) leave the batch alone. */
        void write(BatchedWrites.Plan plan) {
            if (!rows.isEmpty()) {
                BatchedWrites writes = plan.current();
                rows.forEach(row -> writes.add(MOVEMENT, row));
            }
        }
    }
}
