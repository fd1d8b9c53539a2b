package nl.taxledger.tools.scenario;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.projections.suspense.SuspenseQuery;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.security.Principals;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A fresh ledger: the real service (Spring context, Axon, projections) on a new, empty
 * database of one embedded PostgreSQL that the whole run shares (initdb once, not per file).
 */
final class ServiceLedger implements Ledger {
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);
    private static final Actor RUNNER = new Actor(Principals.SCENARIO_RUNNER.name(), null, "scenario");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ConfigurableApplicationContext context;
    private final CommandService commands;
    private final LedgerClock clock;
    private final ProjectionSync projections;
    private final JdbcTemplate jdbc;

    private ServiceLedger(ConfigurableApplicationContext context) {
        this.context = context;
        this.commands = context.getBean(CommandService.class);
        this.clock = context.getBean(LedgerClock.class);
        this.projections = context.getBean(ProjectionSync.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Ledgers on fresh databases of {@code postgres}; the caller closes the PostgreSQL. */
    static Supplier<Ledger> on(EmbeddedPostgres postgres) {
        return () -> {
            // process-wide numbering: several runners may share one PostgreSQL (tests do)
            String database = "scenario_" + DATABASES.incrementAndGet();
            createDatabase(postgres, database);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
            properties.put("logging.level.root", "WARN");
            properties.put("ledger.scheduling.enabled", "false");
            // a throw-away ledger's chain anchors must not land among the real ones in ./data/anchors
            properties.put("ledger.anchors.dir", throwAwayAnchorDirectory());
            return new ServiceLedger(new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(properties)
                    .run());
        };
    }

    static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void submit(String type, JsonNode command) {
        commands.submit(type, command, RUNNER);
    }

    @Override
    public void setToday(LocalDate today) {
        clock.setToday(today);
    }

    @Override
    public long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    @Override
    public void awaitProjections() {
        projections.awaitCaughtUp(PROJECTION_TIMEOUT);
    }

    @Override
    public Optional<DebtorAccountQuery.DebtorAccount> debtor(String debtorId) {
        return context.getBean(DebtorAccountQuery.class).find(debtorId);
    }

    @Override
    public Optional<ReconciliationQuery.Cell> reconciliation(String participantId, String taxType, int taxYear) {
        return context.getBean(ReconciliationQuery.class).cell(participantId, taxType, taxYear);
    }

    @Override
    public Optional<nl.taxledger.service.remittance.RemittanceQuery.Remittance> remittance(
            String participantId, LocalDate periodEnd) {
        return context.getBean(nl.taxledger.service.remittance.RemittanceQuery.class)
                .find(participantId, periodEnd);
    }

    @Override
    public long suspenseBalanceCents() {
        return context.getBean(SuspenseQuery.class).balanceCents();
    }

    /** Through the same reader and fold as {@code replay-tools as-of} and the REST reports. */
    @Override
    public nl.taxledger.ledger.asof.AsOfFold asOf(LocalDate asOf, LocalDate knownAt) {
        return new nl.taxledger.service.asof.AsOfReports()
                .fold(
                        context.getBean(javax.sql.DataSource.class),
                        asOf,
                        knownAt,
                        nl.taxledger.service.asof.EventStoreReader.NO_PROGRESS);
    }

    @Override
    public nl.taxledger.service.bank.BankImportAnswer importBankStatement(
            byte[] xml, boolean acceptGap, String reason) {
        return context.getBean(nl.taxledger.service.bank.BankStatementImport.class)
                .importFile(
                        xml,
                        new nl.taxledger.service.bank.BankStatementImport.Options(acceptGap, reason, null),
                        RUNNER);
    }

    @Override
    public Optional<nl.taxledger.service.bank.BankPayments.Payment> payment(String paymentId) {
        return context.getBean(nl.taxledger.service.bank.BankPayments.class).find(paymentId);
    }

    @Override
    public nl.taxledger.service.directdebit.DirectDebitQuery directDebits() {
        return context.getBean(nl.taxledger.service.directdebit.DirectDebitQuery.class);
    }

    @Override
    public void close() {
        context.close();
    }

    private static String throwAwayAnchorDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ledger-anchors").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a directory for the chain anchors", e);
        }
    }
}
