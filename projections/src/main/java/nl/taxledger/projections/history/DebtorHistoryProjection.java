package nl.taxledger.projections.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.projections.batch.BatchedWrites;
import nl.taxledger.projections.batch.BatchedWrites.Statement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every fact about a debtor with its metadata (who, why, source, commandId): the audit trail a
 * clerk reads. One handler for all facts, because the facts are stored alike; which debtor a fact
 * concerns and its dates are the fact's own ({@link LedgerFact#debtor()}, {@link LedgerFact#effectiveDate()}).
 */
@ProcessingGroup(DebtorHistoryProjection.PROCESSING_GROUP)
public class DebtorHistoryProjection {

    public static final String PROCESSING_GROUP = "debtor-history";

    /**
     * The stored position is read from the event store by the event's id, in the same statement: the tracking
     * token's position is the highest index seen, so an event that fills a gap (committed late by a concurrent
     * writer) would otherwise get the position of a later event and collide with it. No row means the event is
     * not in the store: the processor halts.
     */
    static final Statement FACT = Statement.rows(
            "fact",
            "INSERT INTO history_fact (global_position, event_id,"
                    + " debtor_id, event_type, effective_date, booking_date, recorded_at, who, why, source, command_id, payload)"
                    + " SELECT e.globalindex, u.id, u.debtor, u.type, u.effective::date, u.booked::date, u.recorded::timestamptz,"
                    + " u.who, u.why, u.source, u.command, u.payload::jsonb FROM "
                    + BatchedWrites.unnest(
                            "id",
                            "debtor",
                            "type",
                            "effective",
                            "booked",
                            "recorded",
                            "who",
                            "why",
                            "source",
                            "command",
                            "payload",
                            "event")
                    + " JOIN domainevententry e ON e.eventidentifier = u.event");

    private final BatchedWrites.Plan plan;
    private final JsonMapper json = JsonMapper.builder().build();

    public DebtorHistoryProjection(JdbcTemplate jdbc) {
        this.plan = new BatchedWrites.Plan(PROCESSING_GROUP, jdbc, FACT);
    }

    /** The tracking token is only resolved for tracked events, so this runs in a streaming processor only. */
    @EventHandler
    void on(
            LedgerFact fact,
            MetaData metaData,
            TrackingToken token,
            @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        // participant, suspense and remittance facts belong to no debtor
        fact.debtor().ifPresent(debtorId -> insert(fact, debtorId, metaData, eventId, recordedAt));
    }

    /** A token reset replays from the start; the table must be empty for the replay to rebuild it identically. */
    @ResetHandler
    void reset(Object resetContext) {
        plan.reset(resetContext, "history_fact");
    }

    private void insert(LedgerFact fact, String debtorId, MetaData metaData, String eventId, Instant recordedAt) {
        plan.current()
                .add(
                        FACT,
                        eventId,
                        debtorId,
                        fact.getClass().getSimpleName(),
                        fact.effectiveDate(),
                        fact.bookingDate(),
                        recordedAt.atOffset(ZoneOffset.UTC),
                        text(metaData, "who"),
                        text(metaData, "why"),
                        text(metaData, "source"),
                        text(metaData, "commandId"),
                        json.writeValueAsString(fact),
                        eventId);
    }

    private static String text(MetaData metaData, String key) {
        return Objects.toString(metaData.get(key), null);
    }
}
