package nl.taxledger.tools.bench;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import nl.taxledger.projections.ReadModels;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.projections.suspense.SuspenseProjection;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.tools.bench.LedgerDay.Workload;

/**
 * One benchmark run on a fresh embedded PostgreSQL: the cooperation's year through the command path (with a
 * read load on the payment days), the batch import over HTTP, the raw baselines, the as-of replay and a
 * projection rebuild. Ends by checking that the ledger reconciles.
 */
final class Bench {
    /** Projections must catch up within this; a ledger that cannot is a finding, not a hang. */
    static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(2);

    static final int MAX_RAW_INSERT_ROWS = 1_000_000;
    static final int MIN_RAW_INSERT_ROWS = 10_000;
    static final int COMMITTED_INSERT_ROWS = 5_000;
    /** A rebuild of the read models' processor by its name rebuilds all of them in one pass. */
    static final List<String> PROJECTIONS = List.of(ReadModels.PROCESSOR);

    record Options(
            int debtors,
            long seed,
            int threads,
            int importAssessments,
            int importClients,
            int readsPerSecond,
            double directDebitShare,
            boolean durable,
            int statementTransactions,
            boolean sqlProfile) {}

    /** The figures, how big the run was, and whether the ledger reconciled afterwards. */
    record Result(
            List<Figure> figures,
            long events,
            long commands,
            String postgresVersion,
            boolean reconciles,
            String appendix) {}

    private final Options options;
    private final PrintStream progress;

    Bench(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    Result run() throws SQLException {
        Cooperation cooperation = new Cooperation(options.seed(), options.debtors(), options.directDebitShare());
        List<LedgerDay> year = cooperation.year();
        long yearCommands =
                year.stream().mapToLong(day -> day.commands().size()).sum();
        progress.println("bench: " + options.debtors() + " debtors, " + yearCommands + " commands over " + year.size()
                + " ledger days, then " + options.importAssessments() + " imported assessments");
        try (BenchService service = BenchService.start(options.durable(), options.sqlProfile())) {
            progress.println("bench: service up on 127.0.0.1:" + service.httpPort() + ", PostgreSQL "
                    + service.postgresVersion());
            Measured measured = new Measured();
            measureCpu(CpuMeter.open(service.jdbc()), measured);
            runYear(service, year, yearCommands, measured);
            runImport(service, cooperation, measured);
            runStatement(service, cooperation, measured);
            ProjectionSync sync = service.bean(ProjectionSync.class);
            sync.awaitCaughtUp(CATCH_UP_TIMEOUT);
            long events = service.headIndex();
            RawBaselines raw = new RawBaselines(service.dataSource());
            progress.println("bench: raw baselines over " + events + " events");
            measured.rawInsert =
                    raw.insertRowsPerSecond((int) Math.max(MIN_RAW_INSERT_ROWS, Math.min(MAX_RAW_INSERT_ROWS, events)));
            org.HdrHistogram.Histogram committed = raw.committedInsertNanos(COMMITTED_INSERT_ROWS);
            measured.rawCommitP50Millis = committed.getValueAtPercentile(50) / 1e6;
            measured.rawCommitP99Millis = committed.getValueAtPercentile(99) / 1e6;
            measured.rawRead = raw.readAndParseEventsPerSecond();
            measured.asOf = asOfEventsPerSecond(service, events);
            measured.rawRead =
                    Math.max(measured.rawRead, raw.readAndParseEventsPerSecond()); // the better of two: a fair limit
            measured.rebuildCeiling =
                    rebuildEventsPerSecond(service, events, List.of(SuspenseProjection.PROCESSING_GROUP));
            SqlProfile rebuildSql = options.sqlProfile() ? new SqlProfile(service.jdbc()) : null;
            if (rebuildSql != null) {
                rebuildSql.reset();
            }
            measured.rebuildEvents = events;
            start(measured.rebuildCpu);
            measured.rebuild = rebuildEventsPerSecond(service, events, PROJECTIONS);
            stop(measured.rebuildCpu);
            if (rebuildSql != null) {
                rebuildSql.collect();
                measured.sqlProfile += rebuildSql.report("the rebuild of all read models (c)", events, "event");
            }
            boolean reconciles =
                    service.bean(ReconciliationQuery.class).totals().holds();
            return new Result(
                    Targets.figures(measured),
                    events,
                    yearCommands + options.importAssessments(),
                    service.postgresVersion(),
                    reconciles,
                    Targets.cpuMarkdown(measured) + measured.sqlProfile);
        }
    }

    /** Everything measured in a run, filled in as it goes. */
    static final class Measured {
        Throughput assessmentRun;
        Throughput paymentDays;
        ReadLoad reads;
        LagProbe lag;
        long importedAssessments;
        long importEvents;
        double importSeconds;
        double rawInsert;
        double rawRead;
        double rawCommitP50Millis;
        double rawCommitP99Millis;
        double asOf;
        double rebuild;
        long rebuildEvents;
        double rebuildCeiling;
        StatementRun.Result statement;
        /** Where the CPU went per phase (null where /proc cannot be read: not Linux). */
        CpuMeter.Phase assessmentRunCpu;

        CpuMeter.Phase paymentDaysCpu;
        CpuMeter.Phase importCpu;
        CpuMeter.Phase statementCpu;
        CpuMeter.Phase rebuildCpu;
        String sqlProfile = "";
    }

    /** One day statement of many transactions through the statement import (issue 15), after the batch import. */
    private void runStatement(BenchService service, Cooperation cooperation, Measured measured) {
        if (options.statementTransactions() <= 0) {
            return;
        }
        progress.println("bench: importing a camt.053 of " + options.statementTransactions() + " transactions");
        start(measured.statementCpu);
        measured.statement =
                StatementRun.run(service, cooperation, options.importAssessments(), options.statementTransactions());
        stop(measured.statementCpu);
        progress.println("bench: statement imported in " + Figure.number(measured.statement.seconds()) + " s ("
                + measured.statement.answer().payments() + " payments, "
                + measured.statement.answer().suspense()
                + " to suspense)");
    }

    private void runYear(BenchService service, List<LedgerDay> year, long yearCommands, Measured measured) {
        DebtorAccountQuery statements = service.bean(DebtorAccountQuery.class);
        SqlProfile sql = options.sqlProfile() ? new SqlProfile(service.jdbc()) : null;
        try (CommandDriver driver = new CommandDriver(service, options.threads());
                BenchProgress bar = BenchProgress.onTerminal("year", yearCommands);
                ReadLoad reads = new ReadLoad(
                        statements, service.dataSource(), options.debtors(), options.readsPerSecond(), options.seed());
                LagProbe lag = new LagProbe(service.bean(ProjectionSync.class))) {
            driver.probeLag(lag);
            driver.run(
                    year,
                    day -> {
                        start(cpuOf(day, measured));
                        if (day.workload() == Workload.PAYMENT_DAY) {
                            if (sql != null) {
                                sql.reset();
                            }
                            reads.resume();
                            lag.resume();
                        }
                    },
                    day -> {
                        stop(cpuOf(day, measured));
                        reads.pause();
                        lag.pause();
                        if (sql != null && day.workload() == Workload.PAYMENT_DAY) {
                            sql.collect();
                        }
                        bar.step(day.commands().size());
                    });
            measured.assessmentRun = driver.throughput(Workload.ASSESSMENT_RUN);
            measured.paymentDays = driver.throughput(Workload.PAYMENT_DAY);
            measured.reads = reads;
            measured.lag = lag;
        }
        if (sql != null) {
            measured.sqlProfile += sql.report("the payment days", measured.paymentDays.commands(), "command");
        }
        progress.println("bench: year done: assessment run " + Figure.number(measured.assessmentRun.commandsPerSecond())
                + " commands/s, payment days " + Figure.number(measured.paymentDays.commandsPerSecond())
                + " commands/s");
    }

    private void runImport(BenchService service, Cooperation cooperation, Measured measured) {
        service.bean(LedgerClock.class).setToday(Cooperation.IMPORT_DAY);
        BatchImport batch = new BatchImport(
                cooperation, service.httpPort(), service.importAuthorization(), options.importClients());
        long headBefore = service.headIndex();
        try (BenchProgress bar = BenchProgress.onTerminal("import", options.importAssessments())) {
            SqlProfile sql = options.sqlProfile() ? new SqlProfile(service.jdbc()) : null;
            if (sql != null) {
                sql.reset();
            }
            start(measured.importCpu);
            measured.importSeconds = batch.run(options.importAssessments(), bar::step) / 1e9;
            stop(measured.importCpu);
            if (sql != null) {
                sql.collect();
                measured.sqlProfile += sql.report("the batch import (b)", options.importAssessments(), "assessment");
            }
        }
        measured.importedAssessments = options.importAssessments();
        measured.importEvents = service.headIndex() - headBefore;
        progress.println("bench: imported " + options.importAssessments() + " assessments in "
                + Figure.number(measured.importSeconds) + " s");
    }

    /** The CPU phase a ledger day counts in: the assessment run's or the payment days'; null for other days. */
    private static CpuMeter.Phase cpuOf(LedgerDay day, Measured measured) {
        return switch (day.workload()) {
            case PAYMENT_DAY -> measured.paymentDaysCpu;
            case ASSESSMENT_RUN -> measured.assessmentRunCpu;
            default -> null;
        };
    }

    /** One CPU phase per measured write phase and the rebuild; none without a meter. */
    private static void measureCpu(CpuMeter meter, Measured measured) {
        if (meter != null) {
            measured.assessmentRunCpu = meter.phase();
            measured.paymentDaysCpu = meter.phase();
            measured.importCpu = meter.phase();
            measured.statementCpu = meter.phase();
            measured.rebuildCpu = meter.phase();
        }
    }

    private static void start(CpuMeter.Phase phase) {
        if (phase != null) {
            phase.start();
        }
    }

    private static void stop(CpuMeter.Phase phase) {
        if (phase != null) {
            phase.stop();
        }
    }

    /** Figure (d) at scale (issue 14): a generated ledger of {@code assessments}, the as-of in a 2 GiB child JVM. */
    static Result asOfAtScale(int assessments, long seed, boolean durable, PrintStream progress) throws SQLException {
        try (BenchService service = BenchService.start(durable)) {
            AsOfScale.Result r = AsOfScale.run(service, assessments, seed, progress);
            return new Result(
                    List.of(AsOfScale.figure(r)), r.events(), 0, service.postgresVersion(), r.reconciles(), "");
        }
    }

    private double asOfEventsPerSecond(BenchService service, long events) {
        long started = System.nanoTime();
        // the debtors' positions are dropped as they come, as the reports other than the debtors list do
        new AsOfReports().fold(service.dataSource(), null, null, debtor -> {}, EventStoreReader.NO_PROGRESS);
        return events / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Read models rebuilt from an empty token: events of the store per second until caught up. All of them by the
     * processor's name (c), or by the suspense model's name (c0), which rebuilds all models of its processor too.
     */
    private double rebuildEventsPerSecond(BenchService service, long events, List<String> groups) {
        ProjectionRebuild rebuild = service.bean(ProjectionRebuild.class);
        long started = System.nanoTime();
        for (String group : groups) {
            rebuild.rebuild(group);
        }
        service.bean(ProjectionSync.class).awaitCaughtUp(CATCH_UP_TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.println(
                "bench: rebuilt " + groups + " over " + events + " events in " + Figure.number(seconds) + " s");
        return events / seconds;
    }
}
