package nl.taxledger.service.bank;

import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.PaymentReversed;
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
class CollectionLookupProjector {
    private final JdbcTemplate jdbc;

    CollectionLookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    @EventHandler
    void on(DirectDebitMandateRegistered event) {
        jdbc.update(
                "INSERT INTO mandate_status (debtor_id, mandate_id, signed_date, status) VALUES (?, ?, ?, 'ACTIVE')",
                event.debtorId(),
                event.mandateId(),
                event.signedDate());
    }

    @EventHandler
    void on(DirectDebitMandateEnded event) {
        int updated = jdbc.update(
                "UPDATE mandate_status SET status = 'ENDED', end_reason = ?, end_date = ?, explanation = ?"
                        + " WHERE debtor_id = ? AND mandate_id = ?",
                event.endReason().name(),
                event.date(),
                event.explanation(),
                event.debtorId(),
                event.mandateId());
        if (updated != 1) {
            throw new IllegalStateException(
                    "mandate " + event.mandateId() + " of " + event.debtorId() + " ended but was never registered");
        }
    }
}
