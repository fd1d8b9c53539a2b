package nl.taxledger.service.eventstore;

/**
 * The two signals of read-your-writes. {@code appended}: a transaction that appended events has committed (here or,
 * through PostgreSQL's notification, on any instance); it wakes the processors ({@link WakeableEventSource}).
 * {@code processed}: a processor of this instance committed a batch and its token; it wakes the queries that wait
 * for a position ({@link ProjectionSync#awaitPosition}).
 */
final class ReadSideSignals {
    final EventSignal appended = new EventSignal();
    final EventSignal processed = new EventSignal();
}
