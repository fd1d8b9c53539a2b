package nl.taxledger.ledger.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentReceived;
import org.junit.jupiter.api.Test;

/**
 * The drill-down of a reconciliation cell: the facts behind GEM-A × OZB × 2026 of scenario 10 (500.00 imposed on
 * 2026-02-27; 200.00 valued 2026-12-30 booked 2027-01-05; 100.00 valued 2027-01-10) follow the same dates as the
 * grid and add up to its cell; another cell's line is not behind it.
 */
class CellFactsTest {
    private static final List<LedgerFact> FACTS = List.of(
            new AssessmentImposed(
                    "S11",
                    "A11",
                    day("2026-02-27"),
                    day("2026-04-30"),
                    "A11",
                    List.of(
                            new LineSpec("L1", "GEM-A", "OZB", 2026, 500_00),
                            new LineSpec("L2", "GEM-A", "RIOOLHEFFING", 2026, 70_00)),
                    day("2026-02-27")),
            paid("P11a", 200_00, "2026-12-30", "2027-01-05"),
            paid("P11b", 100_00, "2027-01-10", "2027-01-11"));

    private static PaymentReceived paid(String paymentId, long cents, String valueDate, String bookingDate) {
        return new PaymentReceived(
                "S11",
                paymentId,
                cents,
                day(valueDate),
                "A11",
                "TRANSFER",
                null,
                false,
                0,
                List.of(new Allocation("A11", Component.PRINCIPAL, "L1", paymentId, cents)),
                0,
                day(bookingDate));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static CellFacts drill(LocalDate asOf, LocalDate knownAt, int maxListed) {
        CellFacts cell = new CellFacts(asOf, knownAt, "GEM-A", "OZB", 2026, maxListed);
        AsOfFold fold = new AsOfFold(asOf, knownAt);
        FactsByDebtor both = FactsByDebtor.both(fold, cell);
        for (int i = 0; i < FACTS.size(); i++) {
            both.applyDebtor(i + 1, "S11", FACTS.get(i));
        }
        cell.checkAgainst(fold.finish(), "GEM-A", "OZB", 2026);
        return cell;
    }

    @Test
    void at_a_past_peildatum_as_then_known_only_the_imposition_is_behind_the_cell() {
        CellFacts cell = drill(day("2026-12-31"), day("2026-12-31"), 10);

        assertThat(cell.facts()).singleElement().satisfies(fact -> {
            assertThat(fact.factType()).isEqualTo("AssessmentImposed");
            assertThat(fact.position()).isEqualTo(1);
            assertThat(fact.debtorId()).isEqualTo("S11");
            assertThat(fact.cents(CellFacts.Column.IMPOSED)).isEqualTo(500_00);
            assertThat(fact.cents(CellFacts.Column.OUTSTANDING)).isEqualTo(500_00);
        });
        assertThat(cell.totalCents(CellFacts.Column.RECEIVED)).isZero();
    }

    @Test
    void as_known_now_the_payment_valued_before_the_peildatum_is_behind_it_and_the_later_one_is_not() {
        CellFacts cell = drill(day("2026-12-31"), null, 10);

        assertThat(cell.facts()).extracting(CellFacts.Fact::position).containsExactly(1L, 2L);
        assertThat(cell.facts().get(1).cents(CellFacts.Column.RECEIVED)).isEqualTo(200_00);
        assertThat(cell.facts().get(1).cents(CellFacts.Column.OUTSTANDING)).isEqualTo(-200_00);
        assertThat(cell.totalCents(CellFacts.Column.OUTSTANDING)).isEqualTo(300_00);
    }

    @Test
    void a_cut_list_still_counts_every_fact_in_its_totals() {
        CellFacts cell = drill(null, null, 1);

        assertThat(cell.facts()).hasSize(1);
        assertThat(cell.factsCounted()).isEqualTo(3);
        assertThat(cell.totalCents(CellFacts.Column.RECEIVED)).isEqualTo(300_00);
    }

    @Test
    void a_cut_list_keeps_the_earliest_facts_though_debtors_arrive_in_key_order() {
        CellFacts cell = new CellFacts(null, null, "GEM-A", "OZB", 2026, 2);
        AssessmentImposed later = new AssessmentImposed(
                "S10",
                "A10",
                day("2026-03-02"),
                day("2026-04-30"),
                "A10",
                List.of(new LineSpec("L1", "GEM-A", "OZB", 2026, 40_00)),
                day("2026-03-02"));

        cell.applyDebtor(50, "S10", later); // stored after S11's facts, but S10 comes first in key order
        for (int i = 0; i < FACTS.size(); i++) {
            cell.applyDebtor(i + 1, "S11", FACTS.get(i));
        }

        assertThat(cell.facts()).extracting(CellFacts.Fact::position).containsExactly(1L, 2L);
        assertThat(cell.factsCounted()).isEqualTo(4);
        assertThat(cell.totalCents(CellFacts.Column.IMPOSED)).isEqualTo(540_00);
    }

    @Test
    void facts_that_do_not_add_up_to_the_grid_stop_the_drill_down() {
        CellFacts cell = new CellFacts(null, null, "GEM-A", "OZB", 2026, 10);
        AsOfFold fold = new AsOfFold(null, null);
        FACTS.forEach(fold::apply);
        cell.applyDebtor(1, "S11", FACTS.get(0)); // the payments not shown to the drill-down

        assertThatThrownBy(() -> cell.checkAgainst(fold, "GEM-A", "OZB", 2026))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RECEIVED");
    }
}
