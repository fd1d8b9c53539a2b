package nl.taxledger.service.queryapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.account.AccountSnapshot;
import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.projections.ProjectionTables;
import nl.taxledger.projections.ReadModels;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import nl.taxledger.service.eventstore.ProcessorStatus;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild (token reset and replay) of all read models or of one alone gives identical tables, and the read side
 * reconciles; a failure in one read model halts all of them with nothing of the batch written.
 */
// A rebuild replays the whole ledger: the extra property gives this class its own context and empty database.
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=rebuild")
class ProjectionRebuildTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, List<String>> TABLES_BY_GROUP = ProjectionTables.BY_PROCESSING_GROUP;
    private static final String[] HISTORY = {
        "{'type':'RegisterParticipant','commandId':'r1','participantId':'GEM-A','name':'A','iban':'NL91ABNA0417164300'}",
        "{'type':'RegisterParticipant','commandId':'r2','participantId':'WS-R','name':'R','iban':'NL69INGB0123456789'}",
        "{'type':'ImposeAssessment','commandId':'c1','assessmentId':'A1','debtorId':'S1','issueDate':'2025-02-28','dueDate':'2025-04-30','lines':[{'lineId':'L1','participantId':'GEM-A','taxType':'OZB','taxYear':2025,'amount':'120.00'},{'lineId':'L2','participantId':'WS-R','taxType':'WATERSYSTEEMHEFFING','taxYear':2025,'amount':'80.00'}]}",
        "{'type':'ImposeAssessment','commandId':'c2','assessmentId':'A2','debtorId':'S1','issueDate':'2026-02-27','dueDate':'2026-04-30','lines':[{'lineId':'L1','participantId':'GEM-A','taxType':'OZB','taxYear':2026,'amount':'300.00'}]}",
        "{'type':'ChargeCosts','commandId':'c3','assessmentId':'A2','costId':'K1','kind':'AANMANING','amount':'8.00','date':'2026-05-10'}",
        "{'type':'ChargeInterest','commandId':'c4','assessmentId':'A2','interestId':'R1','amount':'1.25','date':'2026-05-10'}",
        "{'type':'ReceivePayment','commandId':'c5','paymentId':'P1','amount':'150.00','reference':'S1','valueDate':'2026-05-12'}",
        "{'type':'ReceivePayment','commandId':'c6','paymentId':'P2','amount':'400.00','reference':'A2','valueDate':'2026-05-13'}",
        "{'type':'ReduceAssessment','commandId':'c7','assessmentId':'A2','lineId':'L1','kind':'ONTHEFFING','amount':'40.00','decisionDate':'2026-05-20'}",
        "{'type':'ReversePayment','commandId':'c8','paymentId':'P1','valueDate':'2026-05-21','reasonCode':'MD06'}",
        "{'type':'PayRefund','commandId':'c9','debtorId':'S1','amount':'10.00','valueDate':'2026-05-22','iban':'NL91ABNA0417164300'}",
        "{'type':'ReceivePayment','commandId':'c10','paymentId':'P3','amount':'25.00','reference':'NOBODY','valueDate':'2026-05-23'}",
        "{'type':'AssignUnmatchedPayment','commandId':'c11','paymentId':'P3','debtorId':'S1'}",
        "{'type':'ReceivePayment','commandId':'c12','paymentId':'P4','amount':'7.00','reference':'NOBODY','valueDate':'2026-05-24'}",
        "{'type':'GrantRemission','commandId':'c13','assessmentId':'A1','lineId':'L2','component':'PRINCIPAL','amount':'5.00','decisionDate':'2026-05-25'}",
        "{'type':'WriteOffUncollectible','commandId':'c14','assessmentId':'A1','lineId':'L1','amount':'1.00','decisionDate':'2026-05-26','reasonCode':'FAILLISSEMENT'}"
    };

    @Autowired
    CommandService commands;

    @Autowired
    LedgerClock clock;

    @Autowired
    ProjectionSync sync;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    ReconciliationQuery reconciliation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DebtorAccountQuery debtors;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Autowired
    Environment environment;

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES_BY_GROUP
                .values()
                .forEach(tables -> tables.forEach(table -> rows.put(
                        table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class))));
        return rows;
    }

    private AccountSnapshot aggregate(String debtorId) {
        return (AccountSnapshot) DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() ->
                        axon.repository(DebtorAccount.class).load(debtorId).invoke(DebtorAccount::snapshot))
                .getPayload();
    }

    /** The read model, built only by adding up event amounts, equals the aggregate's own state. */
    private void assertProjectionEqualsAggregate(String debtorId) {
        AccountSnapshot account = aggregate(debtorId);
        DebtorAccountQuery.DebtorAccount projected = debtors.find(debtorId).orElseThrow();
        assertThat(projected.creditCents()).isEqualTo(account.creditCents());
        for (DebtorAccountQuery.AssessmentBalance assessment : projected.assessments()) {
            assertThat(assessment.openCostsCents())
                    .isEqualTo(account.openCents(assessment.assessmentId(), Component.COSTS));
            assertThat(assessment.openInterestCents())
                    .isEqualTo(account.openCents(assessment.assessmentId(), Component.INTEREST));
            assertThat(assessment.openPrincipalCents())
                    .isEqualTo(account.openCents(assessment.assessmentId(), Component.PRINCIPAL));
        }
        assertThat(projected.assessments()).hasSize((int) account.claims().stream()
                .map(AccountSnapshot.OpenClaim::assessmentId)
                .distinct()
                .count());
    }

    private void submit(String... lines) {
        JsonMapper json = JsonMapper.builder().build();
        for (String line : lines) {
            var command = json.readTree(line.replace('\'', '"'));
            commands.submit(command.path("type").asString(), command, new Actor("test", null, "rebuild-test"));
        }
    }

    /** The history above, booked once for the whole class: the same command ids again change nothing. */
    private Map<String, List<String>> bookedAndCaughtUp() {
        clock.setToday(LocalDate.of(2026, 6, 1));
        submit(HISTORY);
        sync.awaitCaughtUp(TIMEOUT);
        Map<String, List<String>> tables = snapshot();
        assertThat(tables.get("history_fact")).isNotEmpty();
        assertThat(tables.get("suspense_item")).isNotEmpty();
        return tables;
    }

    @Test
    void rebuilding_every_projection_gives_identical_tables_and_the_totals_reconcile() {
        Map<String, List<String>> before = bookedAndCaughtUp();
        assertThat(reconciliation.totals().holds()).isTrue();
        assertProjectionEqualsAggregate("S1");

        rebuild.rebuild(ReadModels.PROCESSOR);
        sync.awaitCaughtUp(TIMEOUT);

        assertThat(snapshot()).isEqualTo(before);
        for (ReconciliationQuery.Cell cell : reconciliation.all()) {
            assertThat(cell.imposedCents()
                            - cell.reductionsCents()
                            - cell.exemptionsCents()
                            - cell.annulmentsCents()
                            - cell.remissionsCents()
                            - cell.uncollectibleCents()
                            - cell.receivedCents())
                    .as(cell.toString())
                    .isEqualTo(cell.outstandingCents());
        }
    }

    /**
     * A rebuild asked for by one model's name (the page's buttons): the models that share its processor are
     * rebuilt with it, never left holding events applied twice (the balances would double or an insert would halt
     * the processor on a duplicate key). Rebuilds started one after the other without waiting: a later reset must
     * not leave the tables half rebuilt.
     */
    @Test
    void rebuilding_each_read_model_alone_gives_identical_tables() {
        Map<String, List<String>> before = bookedAndCaughtUp();

        for (String model : ReadModels.PROCESSING_GROUPS) {
            rebuild.rebuild(model);
            sync.awaitCaughtUp(TIMEOUT);
            assertThat(snapshot()).as("after rebuilding " + model + " alone").isEqualTo(before);
        }
        ReadModels.PROCESSING_GROUPS.forEach(rebuild::rebuild);
        sync.awaitCaughtUp(TIMEOUT);
        assertThat(snapshot())
                .as("after rebuilding each, one right after the other")
                .isEqualTo(before);
    }

    /**
     * The read models share one processor and one transaction per batch: when one model's write fails, the whole
     * processor halts and none of the batch reaches any model, until the cause is gone.
     */
    @Test
    void a_failing_read_model_halts_them_all_and_nothing_of_the_batch_is_written() {
        bookedAndCaughtUp();
        OwnerConnection.jdbc(environment)
                .execute("ALTER TABLE history_fact ADD CONSTRAINT rebuild_poison CHECK (false) NOT VALID");
        try {
            submit(
                    "{'type':'ImposeAssessment','commandId':'p1','assessmentId':'A9','debtorId':'S9','issueDate':'2026-05-01','dueDate':'2026-06-30','lines':[{'lineId':'L1','participantId':'GEM-A','taxType':'OZB','taxYear':2026,'amount':'99.00'}]}");
            await().atMost(TIMEOUT).until(() -> status().error());
            assertThat(status().errorMessage()).contains(DebtorHistoryProjection.PROCESSING_GROUP, "rebuild_poison");
            assertThat(status().models()).containsExactlyElementsOf(ReadModels.PROCESSING_GROUPS);
            assertThat(count("balance_assessment WHERE assessment_id = 'A9'")).isZero();
            assertThat(count("balance_debtor WHERE debtor_id = 'S9'")).isZero();
            assertThat(count("reconciliation_line WHERE assessment_id = 'A9'")).isZero();
            assertThat(count("history_fact WHERE debtor_id = 'S9'")).isZero();
        } finally {
            OwnerConnection.jdbc(environment).execute("ALTER TABLE history_fact DROP CONSTRAINT rebuild_poison");
        }
        await().atMost(TIMEOUT).until(() -> !status().error());
        sync.awaitCaughtUp(TIMEOUT);
        assertThat(count("balance_assessment WHERE assessment_id = 'A9'")).isOne();
        assertThat(count("reconciliation_line WHERE assessment_id = 'A9'")).isOne();
        assertThat(count("history_fact WHERE debtor_id = 'S9'")).isPositive();
    }

    private long count(String tableAndCondition) {
        return jdbc.queryForObject("SELECT count(*) FROM " + tableAndCondition, Long.class);
    }

    private ProcessorStatus status() {
        return sync.status().stream()
                .filter(processor -> processor.name().equals(ReadModels.PROCESSOR))
                .findFirst()
                .orElseThrow();
    }
}
