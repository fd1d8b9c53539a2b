package nl.taxledger.service.lookup;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills every {@link RebuildableLookup} from the whole event store, once per {@link #GENERATION}, before this
 * instance takes a command (it runs when the singletons are made, before the web server and the event processors
 * start). One REPEATABLE READ transaction: the lookups are emptied and replayed from one snapshot of the event
 * store, and the generation is recorded with them, so a crash leaves them as they were and the next start does it
 * again. A transaction-level advisory lock keeps a second instance starting at the same time from doing it twice;
 * an instance of the old version still appending meanwhile makes a replayed row collide with its own, which fails
 * the start (stop the old instances for an upgrade, as for any migration).
 */
@Component
@Profile("!axonserver")
class LookupRebuild implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(LookupRebuild.class);
    /** Name a new generation when a rebuildable lookup is added or its handlers change what they store. */
    static final String GENERATION = "V80 account holders, direct debit, R-transactions";
    /** Key of the advisory lock (an arbitrary constant, the text "LKRB"). */
    private static final long LOCK_KEY = 0x4C4B5242L;

    private final List<RebuildableLookup> lookups;
    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LookupRebuild(
            List<RebuildableLookup> lookups,
            EventStorageEngine events,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.lookups = List.copyOf(lookups);
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public void afterSingletonsInstantiated() {
        rebuildIfNeeded();
    }

    /** Replays the event store into the lookups unless this generation was done; the events replayed, or -1. */
    long rebuildIfNeeded() {
        Long replayed = transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
            Integer done = jdbc.queryForObject(
                    "SELECT count(*) FROM lookup_rebuild WHERE generation = ?", Integer.class, GENERATION);
            if (done != 0) {
                return -1L;
            }
            for (RebuildableLookup lookup : lookups) {
                for (String table : lookup.tables()) {
                    jdbc.update("DELETE FROM " + table);
                }
            }
            Replay replay = replay();
            jdbc.update(
                    "INSERT INTO lookup_rebuild (generation, through_global_index, events) VALUES (?, ?, ?)",
                    GENERATION,
                    replay.throughGlobalIndex(),
                    replay.events());
            return replay.events();
        });
        if (replayed >= 0) {
            LOG.info("lookups {} rebuilt from {} events ({})", names(), replayed, GENERATION);
        }
        return replayed;
    }

    private record Replay(long events, long throughGlobalIndex) {}

    /** Every event, oldest first, through each lookup that handles it; bounded by the snapshot's last event. */
    private Replay replay() {
        List<AnnotationEventHandlerAdapter> handlers =
                lookups.stream().map(AnnotationEventHandlerAdapter::new).toList();
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        long count = 0;
        long last = -1;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> each = stream.iterator();
            while (each.hasNext()) {
                TrackedEventMessage<?> event = each.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                count++;
                last = event.trackingToken().position().orElse(last);
                if (count > stored) {
                    throw new IllegalStateException("replay read " + count + " events of a snapshot holding " + stored);
                }
            }
        } catch (Exception failure) {
            throw new IllegalStateException("lookup rebuild failed after " + count + " events", failure);
        }
        if (count != stored) {
            throw new IllegalStateException("replay read " + count + " events of a snapshot holding " + stored);
        }
        return new Replay(count, last);
    }

    private List<String> names() {
        return lookups.stream().flatMap(lookup -> lookup.tables().stream()).toList();
    }
}
