package nl.taxledger.projections.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation per participant × tax type × tax year (domain.md §6), as signed movements.
 * Only principal counts: costs and interest are the collector's income, not the participant's.
 * The event identifier keys the movements, so a replay writes the same rows.
 */
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
public class ReconciliationProjection {

    public static final String PROCESSING_GROUP = "reconciliation";

    private final JdbcTemplate jdbc;

    public ReconciliationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssessmentImposed event, @MessageIdentifier String eventId) {
        jdbc.batchUpdate("INSERT INTO reconciliation_line (assessment_id, line_id, participant_id, tax_type, tax_year)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.lines(), event.lines().size(), (ps, line) -> {
                    ps.setString(1, event.assessmentId());
                    ps.setString(2, line.lineId());
                    ps.setString(3, line.participantId());
                    ps.setString(4, line.taxType());
                    ps.setInt(5, line.taxYear());
                });
        Movements movements = new Movements(eventId, event.issueDate(), event.bookingDate());
        event.lines().forEach(line ->
                movements.add(event.assessmentId(), line.lineId(), Measure.IMPOSED, line.amountCents()));
        movements.write(jdbc);
    }

    /** The whole reduction counts under its kind; the paid part of it also lowers what was received. */
    @EventHandler
    void on(AssessmentReduced event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.decisionDate(), event.bookingDate());
        movements.add(event.assessmentId(), event.lineId(), Measure.of(event.kind()), event.amountCents());
        movements.addPrincipal(event.takenBack(), -1);
        movements.write(jdbc);
    }

    @EventHandler
    void on(PaymentReceived event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.valueDate(), event.bookingDate());
        movements.addPrincipal(event.allocations(), 1);
        movements.write(jdbc);
    }

    @EventHandler
    void on(CreditOffset event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.date(), event.bookingDate());
        movements.addPrincipal(event.allocations(), 1);
        movements.write(jdbc);
    }

    @EventHandler
    void on(PaymentReversed event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.valueDate(), event.bookingDate());
        movements.addPrincipal(event.takenBack(), -1);
        movements.write(jdbc);
    }

    @EventHandler
    void on(RemissionGranted event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.decisionDate(), event.bookingDate());
        for (ClaimAmount item : event.items()) {
            if (item.component() == Component.PRINCIPAL) {
                movements.add(event.assessmentId(), item.itemId(), Measure.REMISSION, item.amountCents());
            }
        }
        movements.write(jdbc);
    }

    @EventHandler
    void on(WrittenOffAsUncollectible event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.decisionDate(), event.bookingDate());
        movements.add(event.assessmentId(), event.lineId(), Measure.UNCOLLECTIBLE, event.amountCents());
        movements.write(jdbc);
    }

    /** Uncollectible is reported net of reinstatements. */
    @EventHandler
    void on(UncollectibleReinstated event, @MessageIdentifier String eventId) {
        Movements movements = new Movements(eventId, event.decisionDate(), event.bookingDate());
        movements.add(event.assessmentId(), event.lineId(), Measure.UNCOLLECTIBLE, -event.amountCents());
        movements.write(jdbc);
    }

    /** A token reset replays from the start; the tables must be empty for the replay to rebuild them identically. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE reconciliation_movement, reconciliation_line");
    }

    /** The movements of one event, numbered in event order so the key is the same on every replay. */
    private static final class Movements {

        private static final String INSERT = "INSERT INTO reconciliation_movement (event_id, seq, participant_id,"
                + " tax_type, tax_year, measure, amount_cents, effective_date, booking_date)"
                + " SELECT ?, ?, participant_id, tax_type, tax_year, ?, ?, ?, ?"
                + " FROM reconciliation_line WHERE assessment_id = ? AND line_id = ?";

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
            rows.add(new Object[] {eventId, rows.size(), measure.name(), amountCents, effectiveDate, bookingDate,
                    assessmentId, lineId});
        }

        /** Received is net principal: sign +1 for money onto lines, -1 for money taken back off them. */
        void addPrincipal(List<Allocation> allocations, int sign) {
            for (Allocation allocation : allocations) {
                if (allocation.component() == Component.PRINCIPAL) {
                    add(allocation.assessmentId(), allocation.itemId(), Measure.RECEIVED, sign * allocation.amountCents());
                }
            }
        }

        void write(JdbcTemplate jdbc) {
            if (rows.isEmpty()) {
                return;
            }
            int[] counts = jdbc.batchUpdate(INSERT, rows);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    // a line this group never saw imposed: halt rather than lose money from the report
                    throw new IllegalStateException("reconciliation: unknown line " + rows.get(i)[6] + "/"
                            + rows.get(i)[7] + " in event " + eventId);
                }
            }
        }
    }
}
