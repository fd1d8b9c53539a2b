package nl.taxledger.service.remittance;

import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.PrincipalReceipt;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The receipt movements of remittance_receipt (V10): every fact's principal receipts
 * ({@link LedgerFact#principalReceipts()}, domain.md §5), by booking date. Subscribing processor
 * {@code command-lookups}: runs inside the transaction that appends the events, so the receipts snapshot an
 * IssueRemittance reads holds every committed booking. A component of its own, because Axon gives an event to one
 * handler per component: next to the typed handlers of {@link RemittanceTables} this one would not see them all.
 */
@org.springframework.stereotype.Component
@ProcessingGroup("command-lookups")
class RemittanceReceipts {
    private final JdbcTemplate jdbc;

    RemittanceReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One JDBC batch for the fact's receipts; each must find the line it was imposed on. */
    @EventHandler
    void on(LedgerFact fact, @MessageIdentifier String eventId) {
        List<PrincipalReceipt> receipts = fact.principalReceipts();
        if (receipts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(receipts.size());
        for (PrincipalReceipt receipt : receipts) {
            rows.add(new Object[] {eventId, rows.size() + 1, fact.bookingDate(), receipt.amountCents(),
                    receipt.kind().name(), receipt.assessmentId(), receipt.lineId()});
        }
        int[] counts = jdbc.batchUpdate("INSERT INTO remittance_receipt (event_id, seq, participant_id, tax_type,"
                + " tax_year, booking_date, amount_cents, kind)"
                + " SELECT ?, ?, participant_id, tax_type, tax_year, ?, ?, ?"
                + " FROM remittance_line_dimension WHERE assessment_id = ? AND line_id = ?", rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                // a receipt on a line nobody imposed: the ledger is wrong, and remitting from it would make it worse
                throw new IllegalStateException("no line " + rows.get(i)[5] + "/" + rows.get(i)[6]
                        + " for a receipt of event " + eventId);
            }
        }
    }
}
