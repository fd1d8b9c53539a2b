package nl.taxledger.tools.asof;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.projections.suspense.SuspenseQuery;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.bank.BankStatementImport;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every public scenario: the journal-derived reports with D and K unbounded equal the live
 * projections (reconciliation cells, debtor credit and open amounts, suspense). This also proves
 * that every fact type the scenarios store has a journal mapping and balances.
 */
class AsOfAgreesWithProjectionsTest {
    private static final Path SCENARIOS =
            Path.of("src/test/resources/scenarios") /* the public scenarios, copied into the project */;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    static Stream<Path> scenarios() throws IOException {
        return Files.list(SCENARIOS)
                .filter(p -> p.toString().endsWith(".ndjson"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void the_replay_of_everything_equals_the_live_projections(Path scenario) throws IOException, SQLException {
        String database = "agree_" + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        "spring.datasource.url",
                        postgres.getJdbcUrl("postgres", database),
                        "spring.datasource.username",
                        "postgres",
                        "spring.datasource.password",
                        "postgres",
                        "logging.level.root",
                        "WARN",
                        "ledger.scheduling.enabled",
                        "false"))
                .run()) {
            List<String> debtorIds = book(scenario, service);
            service.getBean(ProjectionSync.class).awaitCaughtUp(Duration.ofSeconds(60));
            AsOfFold fold =
                    new AsOfReports().fold(service.getBean(DataSource.class), null, null, EventStoreReader.NO_PROGRESS);
            compare(fold, service, debtorIds);
        }
    }

    /**
     * Books the scenario's commands; returns the debtors named by accepted commands. A command the file expects to
     * be refused must be refused with that code, and any other command must be accepted: the comparison below is
     * only meaningful on the history the scenario describes.
     */
    /** A scenario's bank file line: not a command of the catalogue, but the import the scenario runner calls too. */
    private static final String BANK_IMPORT = "ImportBankStatement";

    private static final Actor AGREE_TEST = new Actor("agree-test", null, "test");

    private static void importBankFile(Path scenario, JsonNode line, ConfigurableApplicationContext service)
            throws IOException {
        byte[] xml = Files.readAllBytes(
                scenario.getParent().resolve(line.path("file").asString()));
        service.getBean(BankStatementImport.class)
                .importFile(
                        xml,
                        new BankStatementImport.Options(
                                line.path("acceptGap").asBoolean(false),
                                line.path("reason").asString(null),
                                null),
                        AGREE_TEST);
    }

    private static List<String> book(Path scenario, ConfigurableApplicationContext service) throws IOException {
        CommandService commands = service.getBean(CommandService.class);
        LedgerClock clock = service.getBean(LedgerClock.class);
        List<String> debtorIds = new java.util.ArrayList<>();
        for (String text : Files.readAllLines(scenario)) {
            JsonNode line = text.isBlank() ? null : JSON.readTree(text);
            if (line == null || !line.has("type")) {
                continue;
            }
            if (line.has("bookingDate")) {
                clock.setToday(LocalDate.parse(line.path("bookingDate").asString()));
            }
            String command =
                    line.path("type").asString() + " " + line.path("commandId").asString();
            String expectedError = line.path("expectError").asString(null);
            try {
                if (BANK_IMPORT.equals(line.path("type").asString())) {
                    importBankFile(scenario, line, service);
                } else {
                    // the scenario's own expectError member is not part of the command (unknown fields are refused)
                    JsonNode sent = ((ObjectNode) line).deepCopy().without("expectError");
                    commands.submit(line.path("type").asString(), sent, AGREE_TEST);
                }
            } catch (LedgerRejection rejection) {
                assertThat(rejection.code().name())
                        .as(command + " refused: " + rejection.getMessage())
                        .isEqualTo(expectedError);
                continue;
            }
            assertThat(expectedError)
                    .as(command + " accepted, but the scenario expects it refused")
                    .isNull();
            if (line.has("debtorId")) {
                debtorIds.add(line.path("debtorId").asString());
            }
        }
        return debtorIds;
    }

    private static void compare(AsOfFold fold, ConfigurableApplicationContext service, List<String> debtorIds) {
        ReconciliationQuery reconciliation = service.getBean(ReconciliationQuery.class);
        assertThat(fold.reconciliation()).hasSameSizeAs(reconciliation.all());
        for (ReconciliationCell cell : fold.reconciliation()) {
            ReconciliationQuery.Cell live = reconciliation
                    .cell(cell.participantId(), cell.taxType(), cell.taxYear())
                    .orElseThrow(() -> new AssertionError(cell + " has no row in the live reconciliation"));
            assertThat(new long[] {
                        cell.imposedCents(),
                        cell.reductionsCents(),
                        cell.exemptionsCents(),
                        cell.annulmentsCents(),
                        cell.remissionsCents(),
                        cell.uncollectibleCents(),
                        cell.receivedCents(),
                        cell.outstandingCents()
                    })
                    .as(cell.toString())
                    .containsExactly(
                            live.imposedCents(),
                            live.reductionsCents(),
                            live.exemptionsCents(),
                            live.annulmentsCents(),
                            live.remissionsCents(),
                            live.uncollectibleCents(),
                            live.receivedCents(),
                            live.outstandingCents());
        }
        DebtorAccountQuery debtors = service.getBean(DebtorAccountQuery.class);
        java.util.Set<String> everyDebtor = new java.util.TreeSet<>(debtorIds);
        fold.debtors().forEach(position -> everyDebtor.add(position.debtorId()));
        for (String debtorId : everyDebtor) {
            DebtorAccountQuery.DebtorAccount live = debtors.find(debtorId)
                    .orElseThrow(() -> new AssertionError(debtorId + " has no row in the debtor balances"));
            DebtorPosition replayed = fold.debtor(debtorId);
            assertThat(replayed.creditCents()).as(debtorId + " credit").isEqualTo(live.creditCents());
            assertThat(replayed.assessments()).as(debtorId + " assessments").hasSameSizeAs(live.assessments());
            for (DebtorAccountQuery.AssessmentBalance a : live.assessments()) {
                DebtorPosition.AssessmentPosition r = replayed.assessment(a.assessmentId())
                        .orElseThrow(() -> new AssertionError(a.assessmentId() + " is missing from the replay"));
                assertThat(new long[] {r.openCostsCents(), r.openInterestCents(), r.openPrincipalCents()})
                        .as(a.assessmentId())
                        .containsExactly(a.openCostsCents(), a.openInterestCents(), a.openPrincipalCents());
            }
        }
        assertThat(fold.suspenseCents())
                .isEqualTo(service.getBean(SuspenseQuery.class).balanceCents());
    }
}
