package nl.taxledger.projections;

import static nl.taxledger.ledger.testing.LedgerEvents.costs;
import static nl.taxledger.ledger.testing.LedgerEvents.date;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.onCosts;
import static nl.taxledger.ledger.testing.LedgerEvents.payment;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.projections.history.DebtorHistoryQuery;
import nl.taxledger.projections.history.DebtorHistoryQuery.Fact;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** History with metadata, reset handlers, and the guards that halt a processor on an unexpected state. */
class ProjectionGuardsTest {

    private final JdbcTemplate jdbc = ProjectionsDatabase.jdbc();
    private EventFeed feed;

    @BeforeEach
    void emptyTables() {
        ProjectionsDatabase.clean();
        feed = new EventFeed(jdbc);
    }

    @Test
    void historyKeepsEveryDebtorFactWithMetadataInStoreOrder() {
        feed.publish(
                imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00)),
                MetaData.with("who", "clerk-7")
                        .and("why", "aanslag 2026")
                        .and("source", "batch-17")
                        .and("commandId", "c1"));
        feed.publish(
                new PaymentUnmatched("P9", 10_00, date("2026-03-01"), "X", "TRANSFER", null, date("2026-03-01")),
                payment("P1")
                        .by("S1")
                        .ofCents(100_00)
                        .valued("2026-03-10")
                        .booked("2026-03-11")
                        .allocating(principal("A1", "L1", "P1", 100_00))
                        .received());

        List<Fact> history = new DebtorHistoryQuery(jdbc).history("S1");

        assertThat(history).extracting(Fact::eventType).containsExactly("AssessmentImposed", "PaymentReceived");
        Fact imposed = history.get(0);
        assertThat(List.of(imposed.who(), imposed.why(), imposed.source(), imposed.commandId()))
                .containsExactly("clerk-7", "aanslag 2026", "batch-17", "c1");
        assertThat(imposed.globalPosition()).isEqualTo(1);
        assertThat(imposed.effectiveDate()).isEqualTo(date("2026-02-27"));
        Fact paid = history.get(1);
        assertThat(paid.globalPosition()).isEqualTo(3);
        assertThat(List.of(paid.effectiveDate(), paid.bookingDate()))
                .containsExactly(date("2026-03-10"), date("2026-03-11"));
        JsonNode payload = JsonMapper.builder().build().readTree(paid.payloadJson());
        assertThat(payload.get("valueDate").asString()).isEqualTo("2026-03-10");
        assertThat(payload.get("allocations").get(0).get("amountCents").asLong())
                .isEqualTo(100_00);
    }

    @Test
    void aSuspensePaymentAssignedToTheDebtorIsInItsHistoryOnItsBookingDate() {
        feed.publish(
                new PaymentUnmatched("P9", 10_00, date("2026-03-01"), "X", "TRANSFER", null, date("2026-03-01")),
                new UnmatchedPaymentAssigned("P9", "S1", 10_00, date("2026-03-02")));

        List<Fact> history = new DebtorHistoryQuery(jdbc).history("S1");

        assertThat(history)
                .extracting(Fact::eventType, Fact::effectiveDate, Fact::bookingDate)
                .containsExactly(tuple("UnmatchedPaymentAssigned", date("2026-03-02"), date("2026-03-02")));
    }

    @Test
    void theHistoryStoresAFactAsItsRecordFieldsAndNotTheAnswersItGivesAboutItself() {
        feed.publish(
                imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00)),
                payment("P1")
                        .by("S1")
                        .ofCents(100_00)
                        .valued("2026-03-10")
                        .booked("2026-03-11")
                        .allocating(principal("A1", "L1", "P1", 100_00))
                        .received());

        Fact paid = new DebtorHistoryQuery(jdbc).history("S1").get(1);

        JsonNode payload = JsonMapper.builder().build().readTree(paid.payloadJson());
        assertThat(payload.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "debtorId",
                        "paymentId",
                        "amountCents",
                        "valueDate",
                        "reference",
                        "channel",
                        "counterpartyRef",
                        "fromSuspense",
                        "negativeCreditSettledCents",
                        "allocations",
                        "creditCents",
                        "bookingDate",
                        "matchedBy",
                        "collection");
    }

    @Test
    void resetHandlersEmptyEveryTable() {
        feed.publish(
                imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00)),
                costs("S1", "A1", "K1", 8_00, "2026-06-10"),
                payment("P1")
                        .by("S1")
                        .ofCents(10_00)
                        .valued("2026-06-15")
                        .allocating(onCosts("A1", "K1", "P1", 8_00), principal("A1", "L1", "P1", 2_00))
                        .received(),
                new PaymentUnmatched("P9", 10_00, date("2026-03-01"), "X", "TRANSFER", null, date("2026-03-01")));
        assertThat(rowCount()).isPositive();

        feed.reset();

        assertThat(rowCount()).isZero();
    }

    @Test
    void allocationToAnUnknownLineHaltsTheProcessor() {
        feed.publish(imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00)));

        assertThatThrownBy(() -> feed.publish(payment("P1")
                        .by("S1")
                        .ofCents(10_00)
                        .valued("2026-03-10")
                        .allocating(principal("A1", "L9", "P1", 10_00))
                        .received()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("L9");
    }

    @Test
    void allocationAboveTheOpenAmountHaltsTheProcessor() {
        feed.publish(imposed("S1", "A1", "2026-02-27", line("L1", "GEM-A", "OZB", 300_00)));

        assertThatThrownBy(() -> feed.publish(payment("P1")
                        .by("S1")
                        .ofCents(400_00)
                        .valued("2026-03-10")
                        .allocating(principal("A1", "L1", "P1", 400_00))
                        .received()))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void closingASuspenseItemTwiceHaltsTheProcessor() {
        feed.publish(
                new PaymentUnmatched("P9", 10_00, date("2026-03-01"), "X", "TRANSFER", null, date("2026-03-01")),
                new UnmatchedPaymentAssigned("P9", "S1", 10_00, date("2026-03-02")));

        assertThatThrownBy(() -> feed.publish(
                        new UnmatchedPaymentReversed("P9", 10_00, date("2026-03-03"), "MD06", date("2026-03-03"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P9");
    }

    private long rowCount() {
        long rows = 0;
        // the event store's stand-in is not a projection table: a reset must leave it alone
        for (String table : jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tablename NOT IN ('flyway_schema_history', 'domainevententry')",
                String.class)) {
            rows += jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        }
        return rows;
    }
}
