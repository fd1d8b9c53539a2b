package nl.taxledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nl.taxledger.service.embeddeddb.EmbeddedPostgresInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What chaining in the appending transaction costs: transactions shaped like a command (two event rows of ~600
 * bytes and a command-log record) committed by 1 and 8 connections, with the chain's triggers on and off, on the
 * service's durable PostgreSQL settings. A measurement, not a rule: run it with {@code -Dchain.bench=true}; the
 * figures are in RELIABILITY.md.
 */
@EnabledIfSystemProperty(named = "chain.bench", matches = "true")
class ChainAppendCostTest {
    private static final int TRANSACTIONS = 2_000;
    private static final byte[] PAYLOAD = ("{\"debtorId\":\"S-1\",\"amountCents\":10000,\"padding\":\""
                    + "x".repeat(540) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void appends_per_second_with_and_without_the_chain() throws Exception {
        try (EmbeddedPostgres postgres =
                EmbeddedPostgresInitializer.durable(EmbeddedPostgres.builder()).start()) {
            DataSource data = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            for (int threads : new int[] {1, 8}) {
                for (boolean chained : new boolean[] {false, true, false, true}) {
                    triggers(data, chained);
                    double perSecond = run(data, threads);
                    System.out.printf(
                            "chain bench: %d connection(s), chain %s: %.0f transactions/s%n",
                            threads, chained ? "on " : "off", perSecond);
                }
            }
            try (Connection connection = data.getConnection();
                    Statement sql = connection.createStatement()) {
                var rows = sql.executeQuery("SELECT count(*) FROM ledger_chain WHERE source = 'EVENT'");
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2L * TRANSACTIONS * 2 * 2);
            }
        }
    }

    private static void triggers(DataSource data, boolean on) throws Exception {
        try (Connection connection = data.getConnection();
                Statement sql = connection.createStatement()) {
            for (String table : List.of("domainevententry", "command_log")) {
                sql.execute("ALTER TABLE " + table + (on ? " ENABLE" : " DISABLE") + " TRIGGER USER");
            }
        }
    }

    private static double run(DataSource data, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                append(data, TRANSACTIONS / threads);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return TRANSACTIONS / ((System.nanoTime() - start) / 1e9);
    }

    private static void append(DataSource data, int transactions) throws Exception {
        try (Connection connection = data.getConnection();
                PreparedStatement event = connection.prepareStatement("INSERT INTO domainevententry"
                        + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,"
                        + " payloadrevision, payloadtype, timestamp) VALUES (?, ?, 'DebtorAccount', ?, ?, ?, '2',"
                        + " 'nl.taxledger.ledger.api.PaymentReceived', '2026-06-30T00:00:00Z')");
                PreparedStatement command = connection.prepareStatement("INSERT INTO command_log (command_id,"
                        + " command_type, request_sha256, result_type, result) VALUES (?, 'ReceivePayment', ?,"
                        + " 'PaymentReceived', '{\"amountCents\":10000}'::jsonb)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < transactions; i++) {
                String aggregate = UUID.randomUUID().toString();
                for (int seq = 0; seq < 2; seq++) {
                    event.setString(1, aggregate);
                    event.setLong(2, seq);
                    event.setString(3, UUID.randomUUID().toString());
                    event.setBytes(4, "{\"who\":\"bench\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    event.setBytes(5, PAYLOAD);
                    event.executeUpdate();
                }
                command.setString(1, aggregate);
                command.setString(2, "0".repeat(64));
                command.executeUpdate();
                connection.commit();
            }
        }
    }
}
