package nl.taxledger.service.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import nl.taxledger.ledger.journal.Account;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.service.asof.AsOfReports;
import nl.taxledger.service.asof.EventStoreReader;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import nl.taxledger.service.testing.OfficialXsd;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A year of direct debit end to end (issue 15): {@link DirectDebitYearPlan} books debtors, assessments and mandates
 * (on time, signed late, replaced, revoked); for every collection moment of the year a run is prepared, its pain.008
 * downloaded and validated against the official XSD, and {@link CollectionBank} reads it as a bank does and answers
 * with pain.002 rejects, a camt.053 settling the rest by EndToEndId, and returns on camt.054 and camt.053, all posted
 * to {@code POST /api/bank-statements}. At the end the ledger must agree with the bank to the cent.
 *
 * <p>Its own ledger. Seeded: {@code -Ddd.year.seed=N} (default 2026). 100 debtors by default (CI); the 1,000
 * with {@code mvn -B -pl commands -am verify -Dtest=DirectDebitYearTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddd.year.debtors=1000}. Run times in docs/bank-files.md.
 */
@Tag("dd-year")
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=direct-debit-year")
class DirectDebitYearTest {
    private static final long SEED = Long.getLong("dd.year.seed", 2026);
    private static final int DEBTORS = Integer.getInteger("dd.year.debtors", 100);
    private static final int YEAR = DirectDebitYearPlan.YEAR;

    @Autowired
    LedgerClient ledger;

    @Autowired
    DirectDebitSettings creditor;

    @Autowired
    DirectDebitQuery directDebit;

    @Autowired
    DebtorAccountQuery debtors;

    @Autowired
    ReconciliationQuery reconciliation;

    @Autowired
    DataSource dataSource;

    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void a_year_of_runs_settlements_rejects_and_returns_reconciles_to_the_cent() throws Exception {
        long started = System.nanoTime();
        DirectDebitYearPlan plan = new DirectDebitYearPlan(SEED, DEBTORS);
        CollectionBank bank = new CollectionBank(SEED, plan);
        setUp();
        int runs = 0;
        int collections = 0;
        for (int month = 1; month <= 12; month++) {
            for (DirectDebitYearPlan.Step step : plan.stepsIn(month)) {
                ledger.today(step.day());
                ledger.submit(step.type(), step.json());
            }
            LocalDate collectionDate = CollectionMoments.collectionMomentOf(YearMonth.of(YEAR, month));
            ledger.today(collectionDate.minusDays(3));
            ledger.submit("PrepareDirectDebitRun", """
                    {"commandId":"run-%1$s","collectionDate":"%1$s"}""".formatted(collectionDate));
            String pain008 = pain008(collectionDate);
            OfficialXsd.PAIN_008.validate(pain008);
            runs++;
            collections += directDebit.collections(collectionDate).size();
            for (CollectionBank.BankFile file : bank.collect(pain008)) {
                importAndCheck(file);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "direct-debit year: seed %d, %d debtors, %d runs, %d collections, %d rejects, %d returns, %.1f s%n",
                SEED, DEBTORS, runs, collections, bank.rejects(), bank.returns(), seconds);

        assertThat(bank.rejects()).as("rejects").isPositive();
        assertThat(bank.returns()).as("returns").isPositive();
        assertThat(outcomes).containsKeys("BOOKED", "FAILURE_RECORDED", "RETURN_BOOKED", "RETURN_ALREADY_BOOKED");
        ledger.awaitProjections();
        AsOfFold fold = new AsOfReports().fold(dataSource, null, null, EventStoreReader.NO_PROGRESS);
        theBankAndTheJournalHoldTheSameMoney(bank, fold);
        everyDebtorOwesWhatWasImposedLessWhatWasCollected(plan, bank);
        mandatesEndExactlyWhereTheBankFailedThreeDatesInARow(plan, bank);
        theBankReconciliationLeavesNothingUnexplained(bank);
        theProjectionsEqualTheReplayOfTheJournal(plan, fold);
    }

    private void setUp() {
        ledger.today(LocalDate.of(YEAR - 1, 12, 1));
        ledger.submit("RegisterParticipant", """
                {"commandId":"reg-GEM-Y","participantId":"%s","name":"Gemeente Y","iban":"NL91ABNA0417164300",
                 "schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}""".formatted(DirectDebitYearPlan.PARTICIPANT));
        ledger.submit("RegisterBankAccount", """
                {"commandId":"acct-incasso","iban":"%s","purpose":"DIRECT_DEBIT","name":"Incasso"}""".formatted(creditor.creditorIban()));
    }

    private String pain008(LocalDate collectionDate) {
        ResponseEntity<byte[]> file = ledger.http()
                .get()
                .uri("/api/direct-debit-runs/" + collectionDate + "/pain008.xml")
                .retrieve()
                .toEntity(byte[].class);
        assertThat(file.getStatusCode().value())
                .as("pain.008 of " + collectionDate)
                .isEqualTo(200);
        return new String(file.getBody(), StandardCharsets.UTF_8);
    }

    /** Posts the file on its day as the bank sent it; every transaction must be answered as the bank expects. */
    private void importAndCheck(CollectionBank.BankFile file) {
        ledger.today(file.importOn());
        ResponseEntity<JsonNode> response = ledger.http()
                .post()
                .uri("/api/bank-statements")
                .contentType(MediaType.APPLICATION_XML)
                .body(file.xml())
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value())
                .as(file.name() + ": " + response.getBody())
                .isEqualTo(200);
        Map<String, String> answered = new LinkedHashMap<>();
        for (JsonNode tx : response.getBody().path("transactions")) {
            JsonNode endToEnd = tx.path("endToEndId");
            String endToEndId = endToEnd.isNull() || endToEnd.isMissingNode() ? null : endToEnd.asString();
            answered.put(
                    endToEndId == null ? tx.path("paymentId").asString() : endToEndId,
                    tx.path("outcome").asString());
            outcomes.merge(tx.path("outcome").asString(), 1, Integer::sum);
            if ("BOOKED".equals(tx.path("outcome").asString())) {
                assertThat(tx.path("matchedBy").asString())
                        .as(file.name() + " " + endToEndId)
                        .isEqualTo("DIRECT_DEBIT");
            }
        }
        assertThat(answered).as(file.name()).isEqualTo(file.expectedOutcomes());
    }

    /** Credited − returned on the bank's side = the journal's bank account = the money received on the cells. */
    private void theBankAndTheJournalHoldTheSameMoney(CollectionBank bank, AsOfFold fold) {
        long netCents = bank.creditedCents() - bank.returnedCents();
        assertThat(netCents).isEqualTo(bank.balanceCents()).isPositive();
        assertThat(fold.balanceCents(Account.BANK, "")).as("journal 1000 Bank").isEqualTo(netCents);
        long receivedCents = reconciliation.all().stream()
                .mapToLong(ReconciliationQuery.Cell::receivedCents)
                .sum();
        assertThat(receivedCents).as("received on the reconciliation cells").isEqualTo(netCents);
    }

    private void everyDebtorOwesWhatWasImposedLessWhatWasCollected(DirectDebitYearPlan plan, CollectionBank bank) {
        long collectedCents = 0;
        for (DirectDebitYearPlan.Debtor debtor : plan.debtors()) {
            DebtorAccountQuery.DebtorAccount account =
                    debtors.find(debtor.debtorId()).orElseThrow();
            long openCents = account.assessments().stream()
                    .mapToLong(a -> a.openCostsCents() + a.openInterestCents() + a.openPrincipalCents())
                    .sum();
            assertThat(account.creditCents()).as(debtor.debtorId() + " credit").isZero();
            assertThat(openCents)
                    .as(debtor.debtorId() + " open = imposed − collected")
                    .isEqualTo(debtor.imposedTotalCents() - bank.collectedCents(debtor.debtorId()));
            collectedCents += bank.collectedCents(debtor.debtorId());
        }
        assertThat(collectedCents).isEqualTo(bank.creditedCents() - bank.returnedCents());
    }

    private void mandatesEndExactlyWhereTheBankFailedThreeDatesInARow(DirectDebitYearPlan plan, CollectionBank bank) {
        Set<String> threeInARow = bank.mandatesWithThreeFailedDatesInARow();
        Set<String> planned = new TreeSet<>();
        Set<String> endedByThreeFailures = new TreeSet<>();
        for (DirectDebitYearPlan.Debtor debtor : plan.debtors()) {
            if (debtor.kind() == DirectDebitYearPlan.Kind.THREE_STRIKES) {
                planned.add(debtor.mandateIds().get(0));
            }
            List<DirectDebitQuery.Mandate> mandates = directDebit.mandates(debtor.debtorId());
            for (DirectDebitQuery.Mandate mandate : mandates) {
                if ("THREE_FAILURES".equals(mandate.endReason())) {
                    endedByThreeFailures.add(mandate.mandateId());
                }
                assertThat(mandate.endReason())
                        .as(mandate.toString())
                        .isEqualTo(expectedEnd(debtor, mandate, threeInARow));
            }
            assertThat(mandates)
                    .as(debtor.debtorId())
                    .hasSize(debtor.mandateIds().size());
        }
        assertThat(threeInARow)
                .as("the plan's three-strikes mandates")
                .isEqualTo(planned)
                .isNotEmpty();
        assertThat(endedByThreeFailures).isEqualTo(threeInARow);
    }

    private static String expectedEnd(
            DirectDebitYearPlan.Debtor debtor, DirectDebitQuery.Mandate mandate, Set<String> threeInARow) {
        if (threeInARow.contains(mandate.mandateId())) {
            return "THREE_FAILURES";
        }
        boolean first = mandate.mandateId().equals(debtor.mandateIds().get(0));
        return switch (debtor.kind()) {
            case REPLACED -> first ? "REPLACED" : null;
            case REVOKED -> "REVOKED";
            default -> null;
        };
    }

    private void theBankReconciliationLeavesNothingUnexplained(CollectionBank bank) {
        JsonNode report =
                ledger.get("/api/bank-reconciliation?account=" + bank.account() + "&date=" + bank.lastStatementDate());

        assertThat(report.path("statementClosingBalance").asString()).isEqualTo(Money.format(bank.balanceCents()));
        assertThat(report.path("ledgerBankBalance").asString())
                .as(report.toString())
                .isEqualTo(Money.format(bank.balanceCents()));
        assertThat(report.path("unexplained").asString()).as(report.toString()).isEqualTo("0.00");
    }

    /** The live projections (debtor balances, reconciliation cells) equal the as-of fold of the whole journal. */
    private void theProjectionsEqualTheReplayOfTheJournal(DirectDebitYearPlan plan, AsOfFold fold) {
        assertThat(fold.reconciliation()).hasSameSizeAs(reconciliation.all());
        for (ReconciliationCell cell : fold.reconciliation()) {
            ReconciliationQuery.Cell live = reconciliation
                    .cell(cell.participantId(), cell.taxType(), cell.taxYear())
                    .orElseThrow();
            assertThat(new long[] {cell.imposedCents(), cell.receivedCents(), cell.outstandingCents()})
                    .as(cell.toString())
                    .containsExactly(live.imposedCents(), live.receivedCents(), live.outstandingCents());
        }
        for (DirectDebitYearPlan.Debtor debtor : plan.debtors()) {
            DebtorPosition replayed = fold.debtor(debtor.debtorId());
            DebtorAccountQuery.DebtorAccount live =
                    debtors.find(debtor.debtorId()).orElseThrow();
            assertThat(replayed.creditCents()).isEqualTo(live.creditCents());
            for (DebtorAccountQuery.AssessmentBalance balance : live.assessments()) {
                DebtorPosition.AssessmentPosition position =
                        replayed.assessment(balance.assessmentId()).orElseThrow();
                assertThat(new long[] {
                            position.openCostsCents(), position.openInterestCents(), position.openPrincipalCents()
                        })
                        .as(balance.assessmentId())
                        .containsExactly(
                                balance.openCostsCents(), balance.openInterestCents(), balance.openPrincipalCents());
            }
        }
    }
}
