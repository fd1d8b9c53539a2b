package nl.taxledger.service.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL channel {@code ledger_events} (notified by the trigger of V72 when a transaction that
 * appended events commits, on whichever instance) and raises {@link ReadSideSignals#appended}. One connection of
 * the pool is held for it while the service runs. While that connection is lost the signal is raised every
 * {@value #WAIT_MS} ms instead, so the processors fall back to polling rather than stall.
 */
final class EventNotifications implements SmartLifecycle {
    static final String CHANNEL = "ledger_events";
    /** How long one wait for notifications lasts: also how soon a stop is noticed. */
    static final int WAIT_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);

    private final DataSource dataSource;
    private final EventSignal appended;
    private volatile boolean running;
    private Thread listener;

    EventNotifications(DataSource dataSource, ReadSideSignals signals) {
        this.dataSource = dataSource;
        this.appended = signals.appended;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "ledger-event-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            listener.join(2L * WAIT_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // whatever committed before LISTEN took effect has sent its notification to no one
                appended.raise();
                awaitNotifications(notifications);
            } catch (SQLException | RuntimeException lost) {
                if (running) {
                    LOG.warn(
                            "listening for new events failed; polling every {} ms until it works again", WAIT_MS, lost);
                    pause();
                    appended.raise();
                }
            }
        }
    }

    private void awaitNotifications(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] received = connection.getNotifications(WAIT_MS);
            if (received != null && received.length > 0) {
                appended.raise();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
