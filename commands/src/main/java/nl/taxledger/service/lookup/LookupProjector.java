package nl.taxledger.service.lookup;

import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the command-side lookup tables. Runs in the subscribing processor
 * {@code command-lookups}, inside the transaction that appends the events, so a command
 * committed is a command the next one can find. Plain INSERTs: a primary-key violation here
 * is a duplicate that slipped past the checks, and must fail the transaction.
 */
@Component
@ProcessingGroup(LookupProjector.GROUP)
class LookupProjector {
    static final String GROUP = "command-lookups";
    private final JdbcTemplate jdbc;

    LookupProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event) {
        jdbc.update("INSERT INTO lookup_participant (participant_id) VALUES (?)", event.participantId());
    }

    @EventHandler
    void on(AssessmentImposed event) {
        // one statement, one round trip: the debtor (first bill only) and the assessment; the foreign key is
        // checked at the end of the statement, when the debtor row is there
        jdbc.update("WITH debtor AS (INSERT INTO lookup_debtor (debtor_id) VALUES (?) ON CONFLICT DO NOTHING)"
                        + " INSERT INTO lookup_assessment (assessment_id, debtor_id, payment_reference) VALUES (?, ?, ?)",
                event.debtorId(), event.assessmentId(), event.debtorId(), event.paymentReference());
    }

    @EventHandler
    void on(PaymentReceived event) {
        if (event.fromSuspense()) {
            return; // the row exists since PaymentUnmatched; UnmatchedPaymentAssigned moves it
        }
        jdbc.update("INSERT INTO lookup_payment (payment_id, debtor_id) VALUES (?, ?)", event.paymentId(), event.debtorId());
    }

    @EventHandler
    void on(PaymentUnmatched event) {
        jdbc.update("INSERT INTO lookup_payment (payment_id, debtor_id) VALUES (?, NULL)", event.paymentId());
    }

    @EventHandler
    void on(UnmatchedPaymentAssigned event) {
        int updated = jdbc.update("UPDATE lookup_payment SET debtor_id = ? WHERE payment_id = ? AND debtor_id IS NULL",
                event.debtorId(), event.paymentId());
        if (updated != 1) {
            throw new IllegalStateException("payment " + event.paymentId() + " was not in suspense");
        }
    }
}
