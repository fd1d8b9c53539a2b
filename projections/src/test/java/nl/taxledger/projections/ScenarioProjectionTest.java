package nl.taxledger.projections;

import static nl.taxledger.ledger.testing.LedgerEvents.costs;
import static nl.taxledger.ledger.testing.LedgerEvents.date;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.interest;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.onCosts;
import static nl.taxledger.ledger.testing.LedgerEvents.onInterest;
import static nl.taxledger.ledger.testing.LedgerEvents.payment;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.LedgerEvents.reduction;
import static nl.taxledger.ledger.testing.LedgerEvents.refund;
import static nl.taxledger.ledger.testing.LedgerEvents.remission;
import static nl.taxledger.ledger.testing.LedgerEvents.reversal;
import static nl.taxledger.ledger.testing.LedgerEvents.writtenOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.balance.DebtorAccountQuery.AssessmentBalance;
import nl.taxledger.projections.balance.DebtorAccountQuery.DebtorAccount;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery.Cell;
import nl.taxledger.projections.suspense.SuspenseQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of /work/shared/spec/scenarios, fed with the events the aggregate would emit.
 * After every scenario: the reconciliation identities hold, and a reset + replay rebuilds
 * byte-identical tables.
 */
class ScenarioProjectionTest {

    private final JdbcTemplate jdbc = ProjectionsDatabase.jdbc();
    private final DebtorAccountQuery debtors = new DebtorAccountQuery(jdbc);
    private final ReconciliationQuery reconciliation = new ReconciliationQuery(jdbc);
    private final SuspenseQuery suspense = new SuspenseQuery(jdbc);
    private EventFeed feed;

    @BeforeEach
    void emptyTables() {
        ProjectionsDatabase.clean();
        feed = new EventFeed(jdbc);
    }

    @AfterEach
    void identitiesHoldAndReplayIsIdentical() {
        for (Cell cell : reconciliation.all()) {
            assertThat(cell.imposedCents() - cell.reductionsCents() - cell.exemptionsCents() - cell.annulmentsCents()
                    - cell.remissionsCents() - cell.uncollectibleCents() - cell.receivedCents())
                    .as("identity of %s", cell).isEqualTo(cell.outstandingCents());
        }
        ReconciliationQuery.Totals totals = reconciliation.totals();
        assertThat(totals.openPrincipalCents()).as("sum open principal = sum outstanding")
                .isEqualTo(totals.outstandingCents());

        Map<String, List<String>> before = dumpTables();
        feed.resetAndReplay();
        assertThat(dumpTables()).isEqualTo(before);
    }

    @Test
    void scenario01_art7DirectedPayment() {
        feed.publish(
                imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00), line("L2", "GEM-A", "RIOOLHEFFING", 200_00)),
                costs("S1", "A1", "K1", 8_00, "2026-06-10"),
                interest("S1", "A1", "R1", 1_50, "2026-06-10"),
                // costs, interest, then 100.00 pro rata 300:200
                payment("P1").by("S1").ofCents(109_50).valued("2026-06-15")
                        .allocating(onCosts("A1", "K1", "P1", 8_00), onInterest("A1", "R1", "P1", 1_50),
                                principal("A1", "L1", "P1", 60_00), principal("A1", "L2", "P1", 40_00))
                        .received());
        assertDebtor("S1", 0, "A1", 0, 0, 400_00);
        assertCell("GEM-A", "OZB", 300_00, 0, 0, 0, 0, 0, 60_00, 240_00);
        assertCell("GEM-A", "RIOOLHEFFING", 200_00, 0, 0, 0, 0, 0, 40_00, 160_00);

        feed.publish(costs("S1", "A1", "K2", 8_00, "2026-07-01"),
                payment("P2").by("S1").ofCents(5_00).valued("2026-07-03").allocating(onCosts("A1", "K2", "P2", 5_00))
                        .received());
        assertDebtor("S1", 0, "A1", 3_00, 0, 400_00);
        DebtorAccount account = debtors.find("S1").orElseThrow();
        assertThat(account.payments()).extracting(DebtorAccountQuery.Payment::paymentId).containsExactly("P1", "P2");
        assertThat(account.assessment("A1").orElseThrow().costItems())
                .extracting(DebtorAccountQuery.CostItem::openCents).containsExactly(0L, 3_00L);
    }

    @Test
    void scenario02_proRataLargestRemainder() {
        feed.publish(
                imposed("S2", "A2", "2026-02-27", line("L1", "GEM-A", "OZB", 100_00),
                        line("L2", "GEM-B", "AFVALSTOFFENHEFFING", 100_00), line("L3", "WS-R", "WATERSYSTEEMHEFFING", 100_00)),
                payment("P1").by("S2").ofCents(100_00).valued("2026-03-10")
                        .allocating(principal("A2", "L1", "P1", 33_34), principal("A2", "L2", "P1", 33_33),
                                principal("A2", "L3", "P1", 33_33))
                        .received());
        assertCell("GEM-A", "OZB", 100_00, 0, 0, 0, 0, 0, 33_34, 66_66);
        assertCell("GEM-B", "AFVALSTOFFENHEFFING", 100_00, 0, 0, 0, 0, 0, 33_33, 66_67);
        assertCell("WS-R", "WATERSYSTEEMHEFFING", 100_00, 0, 0, 0, 0, 0, 33_33, 66_67);

        // 0.02 over open 66.66/66.67/66.67: remainders .6666/.6667/.6667, the equal ones to the earlier lines
        feed.publish(payment("P2").by("S2").ofCents(2).valued("2026-03-11")
                .allocating(principal("A2", "L2", "P2", 1), principal("A2", "L3", "P2", 1)).received());
        assertCell("GEM-A", "OZB", 100_00, 0, 0, 0, 0, 0, 33_34, 66_66);
        assertCell("GEM-B", "AFVALSTOFFENHEFFING", 100_00, 0, 0, 0, 0, 0, 33_34, 66_66);
        assertCell("WS-R", "WATERSYSTEEMHEFFING", 100_00, 0, 0, 0, 0, 0, 33_34, 66_66);
        assertDebtor("S2", 0, "A2", 0, 0, 199_98);
    }

    @Test
    void scenario05_reductionAfterPaymentAndRefund() {
        feed.publish(
                imposed("S6", "A6", "2026-02-27", line("L1", "GEM-B", "AFVALSTOFFENHEFFING", 300_00)),
                payment("P6").by("S6").ofCents(300_00).valued("2026-03-10")
                        .allocating(principal("A6", "L1", "P6", 300_00)).received(),
                reduction("A6", "L1").by("S6").kind(ReductionKind.VERMINDERING).ofCents(100_00).decided("2026-05-01")
                        .takingBack(principal("A6", "L1", "P6", 100_00)).reduced());
        assertDebtor("S6", 100_00, "A6", 0, 0, 0);
        assertCell("GEM-B", "AFVALSTOFFENHEFFING", 300_00, 100_00, 0, 0, 0, 0, 200_00, 0);

        feed.publish(refund("S6", "R1", 100_00, "2026-05-04", new PaymentAmount("P6", 100_00)));
        assertDebtor("S6", 0, "A6", 0, 0, 0);

        feed.publish(reduction("A6", "L1").by("S6").kind(ReductionKind.VERNIETIGING).ofCents(200_00)
                .decided("2026-06-01").takingBack(principal("A6", "L1", "P6", 200_00)).reduced());
        assertDebtor("S6", 200_00, "A6", 0, 0, 0);
        assertCell("GEM-B", "AFVALSTOFFENHEFFING", 300_00, 100_00, 0, 200_00, 0, 0, 0, 0);
    }

    @Test
    void scenario06_remissionAndUncollectible() {
        feed.publish(
                imposed("S7", "A7", "2026-02-27", line("L1", "GEM-A", "OZB", 250_00), line("L2", "GEM-A", "RIOOLHEFFING", 150_00)),
                costs("S7", "A7", "K1", 8_00, "2026-06-10"),
                remission("S7", "A7", Component.PRINCIPAL, "2026-07-01", new ClaimAmount(Component.PRINCIPAL, "L2", 150_00)),
                remission("S7", "A7", Component.COSTS, "2026-07-01", new ClaimAmount(Component.COSTS, "K1", 8_00)),
                writtenOff("S7", "A7", "L1", 250_00, "2026-12-15"));
        assertDebtor("S7", 0, "A7", 0, 0, 0);
        assertCell("GEM-A", "OZB", 250_00, 0, 0, 0, 0, 250_00, 0, 0);
        assertCell("GEM-A", "RIOOLHEFFING", 150_00, 0, 0, 0, 150_00, 0, 0, 0);
    }

    @Test
    void scenario09_unmatchedPaymentInSuspense() {
        feed.publish(
                imposed("S10", "A10", "2026-02-27", line("L1", "GEM-A", "OZB", 80_00)),
                new PaymentUnmatched("P10", 50_00, date("2026-03-02"), "XYZ-UNKNOWN", "TRANSFER", null, date("2026-03-02")));
        assertThat(suspense.balanceCents()).isEqualTo(50_00);
        assertThat(suspense.openItems()).extracting(SuspenseQuery.OpenItem::paymentId).containsExactly("P10");
        assertDebtor("S10", 0, "A10", 0, 0, 80_00);

        feed.publish(new UnmatchedPaymentAssigned("P10", "S10", 50_00, date("2026-03-04")),
                payment("P10").by("S10").ofCents(50_00).valued("2026-03-02").booked("2026-03-04")
                        .allocating(principal("A10", "L1", "P10", 50_00)).received());
        assertThat(suspense.balanceCents()).isZero();
        assertThat(suspense.openItems()).isEmpty();
        assertDebtor("S10", 0, "A10", 0, 0, 30_00);
        assertCell("GEM-A", "OZB", 80_00, 0, 0, 0, 0, 0, 50_00, 30_00);
    }

    @Test
    void scenario10_referenceDateCells() {
        feed.publish(
                imposed("S11", "A11", "2026-02-27", line("L1", "GEM-A", "OZB", 500_00)),
                payment("P11a").by("S11").ofCents(200_00).valued("2026-12-30").booked("2027-01-05")
                        .allocating(principal("A11", "L1", "P11a", 200_00)).received(),
                payment("P11b").by("S11").ofCents(100_00).valued("2027-01-10").booked("2027-01-11")
                        .allocating(principal("A11", "L1", "P11b", 100_00)).received());
        assertThat(reconciliation.cell("GEM-A", "OZB", 2026, date("2026-12-31"), date("2026-12-31")).orElseThrow())
                .extracting(Cell::receivedCents, Cell::outstandingCents).containsExactly(0L, 500_00L);
        assertThat(reconciliation.cell("GEM-A", "OZB", 2026, date("2026-12-31"), null).orElseThrow())
                .extracting(Cell::receivedCents, Cell::outstandingCents).containsExactly(200_00L, 300_00L);
        assertCell("GEM-A", "OZB", 500_00, 0, 0, 0, 0, 0, 300_00, 200_00);
    }

    @Test
    void scenario11_allocationsFollowTheMoney() {
        feed.publish(
                imposed("S12", "A12", "2026-02-27", line("L1", "GEM-A", "OZB", 100_00)),
                payment("P12a").by("S12").ofCents(60_00).valued("2026-03-02")
                        .allocating(principal("A12", "L1", "P12a", 60_00)).received(),
                payment("P12b").by("S12").ofCents(40_00).valued("2026-03-03")
                        .allocating(principal("A12", "L1", "P12b", 40_00)).received(),
                // nothing open: 50.00 taken back newest payment first, becoming those payments' credit
                reduction("A12", "L1").by("S12").kind(ReductionKind.VERMINDERING).ofCents(50_00)
                        .decided("2026-04-01")
                        .takingBack(principal("A12", "L1", "P12b", 40_00), principal("A12", "L1", "P12a", 10_00))
                        .reduced());
        assertDebtor("S12", 50_00, "A12", 0, 0, 0);

        // P12b now holds only its 40.00 credit
        feed.publish(reversal("P12b").by("S12").ofCents(40_00).on("2026-04-02").takingOwnCreditCents(40_00)
                .reversed());
        assertDebtor("S12", 10_00, "A12", 0, 0, 0);
        assertCell("GEM-A", "OZB", 100_00, 50_00, 0, 0, 0, 0, 50_00, 0);

        // P12a holds 50.00 on L1 and 10.00 credit
        feed.publish(reversal("P12a").by("S12").ofCents(60_00).on("2026-04-03")
                .takingBack(principal("A12", "L1", "P12a", 50_00)).takingOwnCreditCents(10_00).reversed());
        assertDebtor("S12", 0, "A12", 0, 0, 50_00);
        assertCell("GEM-A", "OZB", 100_00, 50_00, 0, 0, 0, 0, 0, 50_00);
        assertThat(debtors.find("S12").orElseThrow().payments()).allMatch(DebtorAccountQuery.Payment::reversed);
    }

    @Test
    void scenario12_stornoAfterRefundMakesCreditNegative() {
        feed.publish(
                imposed("S13", "A13", "2026-02-27", line("L1", "GEM-A", "OZB", 100_00)),
                payment("P13").by("S13").ofCents(150_00).valued("2026-03-31")
                        .allocating(principal("A13", "L1", "P13", 100_00)).leavingCreditCents(50_00).received());
        assertDebtor("S13", 50_00, "A13", 0, 0, 0);

        feed.publish(refund("S13", "R1", 50_00, "2026-04-02", new PaymentAmount("P13", 50_00)),
                // P13 still holds 100.00 on L1; its refunded 50.00 is missing: credit goes negative
                reversal("P13").by("S13").ofCents(150_00).on("2026-04-20")
                        .takingBack(principal("A13", "L1", "P13", 100_00)).addingNegativeCreditCents(50_00)
                        .reversed());
        assertDebtor("S13", -50_00, "A13", 0, 0, 100_00);

        feed.publish(payment("P13b").by("S13").ofCents(70_00).valued("2026-04-25").settlingNegativeCreditCents(50_00)
                .allocating(principal("A13", "L1", "P13b", 20_00)).received());
        assertDebtor("S13", 0, "A13", 0, 0, 80_00);
        assertCell("GEM-A", "OZB", 100_00, 0, 0, 0, 0, 0, 20_00, 80_00);
    }

    private void assertDebtor(String debtorId, long creditCents, String assessmentId, long costsCents,
                              long interestCents, long principalCents) {
        DebtorAccount account = debtors.find(debtorId).orElseThrow();
        assertThat(account.creditCents()).as("credit of %s", debtorId).isEqualTo(creditCents);
        AssessmentBalance assessment = account.assessment(assessmentId).orElseThrow();
        assertThat(List.of(assessment.openCostsCents(), assessment.openInterestCents(), assessment.openPrincipalCents()))
                .as("open costs, interest, principal of %s", assessmentId)
                .containsExactly(costsCents, interestCents, principalCents);
    }

    private void assertCell(String participantId, String taxType, long imposed, long reductions, long exemptions,
                            long annulments, long remissions, long uncollectible, long received, long outstanding) {
        Cell cell = reconciliation.cell(participantId, taxType, 2026).orElseThrow();
        assertThat(cell).isEqualTo(new Cell(participantId, taxType, 2026, imposed, reductions, exemptions, annulments,
                remissions, uncollectible, received, outstanding));
    }

    /** Every projection table as sorted text rows. */
    private Map<String, List<String>> dumpTables() {
        Map<String, List<String>> dump = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history'", String.class)) {
            dump.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class));
        }
        return dump;
    }
}
