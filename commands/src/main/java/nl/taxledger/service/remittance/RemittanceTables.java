package nl.taxledger.service.remittance;

import java.time.LocalDate;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.ParticipantIbanChangeRequested;
import nl.taxledger.ledger.api.ParticipantIbanChanged;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.RemittanceIssued;
import nl.taxledger.ledger.api.RemittanceLine;
import nl.taxledger.ledger.api.RemittancePolicyChanged;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.service.locks.AdvisoryLock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command-side remittance tables (V10) of participants, policies, line dimensions and issued remittances; the
 * receipts are written by {@link RemittanceReceipts}. Subscribing processor {@code command-lookups}: runs inside the
 * transaction that appends the events.
 */
@org.springframework.stereotype.Component
@ProcessingGroup("command-lookups")
class RemittanceTables {
    private static final LocalDate FIRST_POLICY = LocalDate.of(1900, 1, 1);
    private final JdbcTemplate jdbc;

    RemittanceTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event) {
        jdbc.update(
                "INSERT INTO remittance_participant (participant_id, name, iban, registered_on) VALUES (?, ?, ?, ?)",
                event.participantId(),
                event.name(),
                event.iban(),
                event.bookingDate());
        RemittanceSchedule schedule = event.schedule() == null ? RemittanceSchedule.WEEKLY : event.schedule();
        policy(event.participantId(), FIRST_POLICY, schedule, event.reserveRate(), event.reserveYears());
    }

    @EventHandler
    void on(RemittancePolicyChanged event) {
        jdbc.update(
                "DELETE FROM remittance_policy WHERE participant_id = ? AND effective_from = ?",
                event.participantId(),
                event.effectiveFrom());
        policy(
                event.participantId(),
                event.effectiveFrom(),
                event.schedule(),
                event.reserveRate(),
                event.reserveYears());
    }

    /** A requested IBAN change waits with its requester: the approver must be someone else (domain.md §11). */
    @EventHandler
    void on(ParticipantIbanChangeRequested event, @MetaDataValue(value = "who", required = true) String requestedBy) {
        jdbc.update(
                "INSERT INTO participant_iban_change (participant_id, iban, requested_by) VALUES (?, ?, ?)"
                        + " ON CONFLICT (participant_id)"
                        + " DO UPDATE SET iban = excluded.iban, requested_by = excluded.requested_by",
                event.participantId(),
                event.iban(),
                requestedBy);
    }

    /** An approved IBAN change: the tables and pain.001 use the new IBAN only from now on (domain.md §11). */
    @EventHandler
    void on(ParticipantIbanChanged event) {
        jdbc.update("DELETE FROM participant_iban_change WHERE participant_id = ?", event.participantId());
        jdbc.update(
                "UPDATE remittance_participant SET iban = ? WHERE participant_id = ?",
                event.iban(),
                event.participantId());
    }

    private void policy(
            String participantId, LocalDate from, RemittanceSchedule schedule, java.math.BigDecimal rate, int years) {
        jdbc.update(
                "INSERT INTO remittance_policy (participant_id, effective_from, schedule, reserve_rate, reserve_years) "
                        + "VALUES (?, ?, ?, ?, ?)",
                participantId,
                from,
                schedule.name(),
                rate,
                years);
    }

    @EventHandler
    void on(AssessmentImposed event) {
        // one JDBC batch (one round trip) for all lines of the bill
        jdbc.batchUpdate(
                "INSERT INTO remittance_line_dimension (assessment_id, line_id, participant_id, tax_type, tax_year) "
                        + "VALUES (?, ?, ?, ?, ?)",
                event.lines(),
                event.lines().size(),
                (ps, line) -> {
                    ps.setString(1, event.assessmentId());
                    ps.setString(2, line.lineId());
                    ps.setString(3, line.participantId());
                    ps.setString(4, line.taxType());
                    ps.setInt(5, line.taxYear());
                });
    }

    @EventHandler
    void on(
            RemittanceIssued event,
            @MessageIdentifier String eventId,
            @MetaDataValue(value = "who", required = true) String issuedBy) {
        // not while the week's payment file is being released (PaymentReleases)
        AdvisoryLock.lock(jdbc, "remittance-run", event.periodEnd().toString());
        // issued_by: the approver of the run's payment file must be someone else (domain.md §11)
        jdbc.update(
                "INSERT INTO remittance (participant_id, period_end, period_start, receipts_cents, reserve_withheld_cents, "
                        + "reserve_released_cents, carried_forward_in_cents, amount_cents, carried_forward_out_cents, booking_date, "
                        + "event_id, issued_by, chain_position, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        // the committed head before this transaction: printed on the statement as an anchor
                        + " (SELECT position FROM ledger_chain_head WHERE id = 1),"
                        + " (SELECT hash FROM ledger_chain_head WHERE id = 1))",
                event.participantId(),
                event.periodEnd(),
                event.periodStart(),
                event.receiptsCents(),
                event.reserveWithheldCents(),
                event.reserveReleasedCents(),
                event.carriedForwardInCents(),
                event.amountCents(),
                event.carriedForwardOutCents(),
                event.bookingDate(),
                eventId,
                issuedBy);
        for (RemittanceLine line : event.lines()) {
            jdbc.update(
                    "INSERT INTO remittance_line (participant_id, period_end, tax_type, tax_year, receipts_cents, "
                            + "reserve_held_before_cents, reserve_held_after_cents, reserve_withheld_cents, reserve_released_cents) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    event.participantId(),
                    event.periodEnd(),
                    line.taxType(),
                    line.taxYear(),
                    line.receiptsCents(),
                    line.reserveHeldBeforeCents(),
                    line.reserveHeldAfterCents(),
                    line.reserveWithheldCents(),
                    line.reserveReleasedCents());
        }
    }
}
