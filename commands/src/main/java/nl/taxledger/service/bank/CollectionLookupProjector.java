package nl.taxledger.service.bank;

import java.util.List;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.service.lookup.RebuildableLookup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The R-transaction lookups (V45) in the subscribing processor {@code command-lookups}, inside the transaction that
 * appends the events: which EndToEndIds failed, which payments were reversed, each mandate's status.
 */
@Component
@ProcessingGroup("command-lookups")
class CollectionLookupProjector implements RebuildableLookup {
    private final JdbcTemplate jdbc;

    CollectionLookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("direct_debit_failure", "lookup_reversed_payment");
    }

    @EventHandler
    void on(DirectDebitCollectionFailed event) {
        if (event.endToEndId() != null) {
            jdbc.update(
                    "INSERT INTO direct_debit_failure (end_to_end_id, debtor_id, mandate_id, collection_date,"
                            + " reason_code, booking_date) VALUES (?, ?, ?, ?, ?, ?)",
                    event.endToEndId(),
                    event.debtorId(),
                    event.mandateId(),
                    event.collectionDate(),
                    event.reasonCode(),
                    event.bookingDate());
        }
    }

    @EventHandler
    void on(PaymentReversed event) {
        jdbc.update(
                "INSERT INTO lookup_reversed_payment (payment_id, reason_code, value_date) VALUES (?, ?, ?)",
                event.paymentId(),
                event.reasonCode(),
                event.valueDate());
    }
}
