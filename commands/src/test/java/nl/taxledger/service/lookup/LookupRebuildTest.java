package nl.taxledger.service.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A ledger upgraded from before the bank and direct-debit lookups had them empty for its history: a payment on an
 * older assessment failed on the missing direct-debit row. The rebuild fills every lookup kept from events alone
 * with exactly what it would hold had it been there from the first event. Its own ledger: it empties tables.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=lookup-rebuild")
class LookupRebuildTest {
    private static final String DEBTOR_IBAN = "NL02ABNA0123456789";

    @Autowired
    LedgerClient ledger;

    @Autowired
    LookupRebuild rebuild;

    @Autowired
    List<RebuildableLookup> lookups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void an_upgraded_ledger_gets_its_history_in_the_lookups_and_books_on_older_assessments_again() {
        Map<String, List<String>> kept = historyWithMandatePaymentStornoAndRun();
        assertThat(kept.get("dd_assessment")).as("the table the payment needs").isNotEmpty();
        assertThat(kept.get("lookup_account_holder")).isNotEmpty();
        assertThat(kept.get("lookup_reversed_payment")).isNotEmpty();
        assertThat(kept.get("dd_collection")).isNotEmpty();

        // the ledger as an older version left it: these tables were made after its history was written
        var owner = OwnerConnection.jdbc(environment);
        for (String table : kept.keySet()) {
            owner.update("DELETE FROM " + table);
        }
        owner.update("DELETE FROM lookup_rebuild");
        assertThat(ledger.post("ReceivePayment", payment("rb-pay-2", "RB-P2"))
                        .getStatusCode()
                        .value())
                .as("before the rebuild a payment on the older assessment fails")
                .isEqualTo(500);

        long replayed = rebuild.rebuildIfNeeded();

        assertThat(replayed).isEqualTo(ledger.events());
        assertThat(tables()).isEqualTo(kept);
        assertThat(rebuild.rebuildIfNeeded()).as("once per generation").isEqualTo(-1);
        assertThat(ledger.post("ReceivePayment", payment("rb-pay-3", "RB-P3"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    /** Debtor S-RB under mandate, a payment from its IBAN that is reversed, and a collection run; the tables. */
    private Map<String, List<String>> historyWithMandatePaymentStornoAndRun() {
        ledger.today(LocalDate.of(2026, 3, 2));
        ledger.registerAndImpose("RB");
        ledger.submit("RegisterDirectDebitMandate", """
                {"commandId":"rb-mandate","debtorId":"S-RB","mandateId":"M-RB","iban":"%s",
                 "signedDate":"2026-03-02"}""".formatted(DEBTOR_IBAN));
        ledger.submit("ReceivePayment", payment("rb-pay-1", "RB-P1"));
        ledger.submit("ReversePayment", """
                {"commandId":"rb-storno","paymentId":"RB-P1","valueDate":"2026-03-04","reasonCode":"MD06"}""");
        LocalDate collection = CollectionMoments.firstMomentAfter(LocalDate.of(2026, 3, 2));
        ledger.today(collection.minusDays(3));
        ledger.submit("PrepareDirectDebitRun", """
                {"commandId":"rb-run","collectionDate":"%s"}""".formatted(collection));
        return tables();
    }

    private static String payment(String commandId, String paymentId) {
        return """
                {"commandId":"%s","paymentId":"%s","amount":"10.00","valueDate":"2026-03-03","reference":"A-RB",
                 "debtorId":"S-RB","counterpartyIban":"%s","channel":"TRANSFER"}""".formatted(commandId, paymentId, DEBTOR_IBAN);
    }

    /** Every rebuildable table's rows as JSON text, sorted: equal maps are equal tables. */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (RebuildableLookup lookup : lookups) {
            for (String table : lookup.tables()) {
                rows.put(
                        table,
                        jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t", String.class).stream()
                                .sorted()
                                .toList());
            }
        }
        return rows;
    }
}
