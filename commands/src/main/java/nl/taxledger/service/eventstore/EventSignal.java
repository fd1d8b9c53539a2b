package nl.taxledger.service.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * "New events may be readable": raised after a transaction of this instance that appended events commits
 * ({@link AppendedEvents}), and when PostgreSQL notifies that any instance's did ({@link EventNotifications}).
 * A counter, so a reader compares what it saw before it last read with what it sees now and cannot miss a signal
 * raised while it was reading; and callbacks, so a processor's coordinator is scheduled at once.
 */
final class EventSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile long count;

    long count() {
        return count;
    }

    void raise() {
        lock.lock();
        try {
            count++;
            raised.signalAll();
        } finally {
            lock.unlock();
        }
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }

    void onRaise(Runnable callback) {
        callbacks.add(callback);
    }

    void remove(Runnable callback) {
        callbacks.remove(callback);
    }

    /** Waits until the counter differs from {@code seen}, at most {@code timeoutNanos}; true when it does. */
    boolean awaitAfter(long seen, long timeoutNanos) throws InterruptedException {
        long remaining = timeoutNanos;
        lock.lock();
        try {
            while (count == seen && remaining > 0) {
                remaining = raised.awaitNanos(remaining);
            }
            return count != seen;
        } finally {
            lock.unlock();
        }
    }

    static long toNanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
