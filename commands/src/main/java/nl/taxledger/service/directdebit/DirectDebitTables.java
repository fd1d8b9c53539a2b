package nl.taxledger.service.directdebit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.DirectDebitCollection;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DirectDebitRunIssued;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import nl.taxledger.service.lookup.RebuildableLookup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The direct-debit tables of V41 in the subscribing processor {@code command-lookups}, inside the transaction that
 * appends the events: mandates, every assessment's open amount and the runs with their collections. The open amount
 * only adds up the amounts the facts carry (what an allocation, reduction or cancellation took off, what a charge or
 * storno put back); no rule is run again. Every update must touch its row: a fact about an assessment this table
 * does not hold is a broken table, and fails the command.
 */
@Component
@ProcessingGroup("command-lookups")
class DirectDebitTables implements RebuildableLookup {
    private final JdbcTemplate jdbc;

    DirectDebitTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("dd_collection", "dd_run", "dd_assessment", "dd_mandate");
    }

    @EventHandler
    void on(DirectDebitMandateRegistered event) {
        // revision 1 had no start: the first moment after the signature, as the aggregate decides it now
        var startsOn =
                event.startsOn() != null ? event.startsOn() : CollectionMoments.firstMomentAfter(event.signedDate());
        jdbc.update(
                "INSERT INTO dd_mandate (debtor_id, mandate_id, account_ref, signed_date, starts_on, booking_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.debtorId(),
                event.mandateId(),
                event.accountRef(),
                event.signedDate(),
                startsOn,
                event.bookingDate());
    }

    @EventHandler
    void on(DirectDebitMandateEnded event) {
        touchOne(
                jdbc.update(
                        "UPDATE dd_mandate SET ended_on = ?, end_reason = ?, explanation = ? WHERE debtor_id = ?"
                                + " AND mandate_id = ? AND ended_on IS NULL",
                        event.date(),
                        event.endReason().name(),
                        event.explanation(),
                        event.debtorId(),
                        event.mandateId()),
                "active mandate " + event.debtorId() + "/" + event.mandateId());
    }

    @EventHandler
    void on(DirectDebitRunIssued event) {
        jdbc.update(
                "INSERT INTO dd_run (collection_date, run_id, transactions, total_cents, booking_date)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.collectionDate(),
                event.runId(),
                event.collections().size(),
                event.totalCents(),
                event.bookingDate());
        List<Object[]> rows = new java.util.ArrayList<>();
        int position = 0;
        for (DirectDebitCollection c : event.collections()) {
            rows.add(new Object[] {
                c.endToEndId(),
                event.collectionDate(),
                ++position,
                c.debtorId(),
                c.mandateId(),
                c.assessmentId(),
                c.amountCents(),
                c.sequenceType().name(),
                c.termNumber(),
                c.termCount()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO dd_collection (end_to_end_id, collection_date, position, debtor_id, mandate_id,"
                        + " assessment_id, amount_cents, sequence_type, term_number, term_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @EventHandler
    void on(AssessmentImposed event) {
        long imposedCents = 0;
        for (var line : event.lines()) {
            imposedCents = Math.addExact(imposedCents, line.amountCents());
        }
        // the tax year whose term count applies: the assessment's first line (its lines share one year in practice)
        jdbc.update(
                "INSERT INTO dd_assessment (assessment_id, debtor_id, issue_date, due_date, tax_year, open_cents)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                event.assessmentId(),
                event.debtorId(),
                event.issueDate(),
                event.dueDate(),
                event.lines().get(0).taxYear(),
                imposedCents);
    }

    @EventHandler
    void on(CostsCharged event) {
        add(event.assessmentId(), event.amountCents());
    }

    @EventHandler
    void on(InterestCharged event) {
        add(event.assessmentId(), event.amountCents());
    }

    @EventHandler
    void on(PaymentReceived event) {
        addAll(event.allocations(), -1);
    }

    @EventHandler
    void on(CreditOffset event) {
        addAll(event.allocations(), -1);
    }

    @EventHandler
    void on(PaymentReversed event) {
        addAll(event.takenBack(), 1);
    }

    /** The paid part a reduction takes back becomes credit: it leaves the open amount as it is. */
    @EventHandler
    void on(AssessmentReduced event) {
        add(event.assessmentId(), -event.openReducedCents());
    }

    @EventHandler
    void on(CostsCancelled event) {
        add(event.assessmentId(), -event.openCancelledCents());
    }

    @EventHandler
    void on(InterestCancelled event) {
        add(event.assessmentId(), -event.openCancelledCents());
    }

    @EventHandler
    void on(RemissionGranted event) {
        long cents = 0;
        for (ClaimAmount item : event.items()) {
            cents = Math.addExact(cents, item.amountCents());
        }
        add(event.assessmentId(), -cents);
    }

    @EventHandler
    void on(WrittenOffAsUncollectible event) {
        add(event.assessmentId(), -event.amountCents());
    }

    @EventHandler
    void on(UncollectibleReinstated event) {
        add(event.assessmentId(), event.amountCents());
    }

    private void addAll(List<Allocation> allocations, int sign) {
        Map<String, Long> byAssessment = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            byAssessment.merge(allocation.assessmentId(), allocation.amountCents(), Math::addExact);
        }
        byAssessment.forEach((assessmentId, cents) -> add(assessmentId, sign * cents));
    }

    private void add(String assessmentId, long deltaCents) {
        if (deltaCents == 0) {
            return;
        }
        touchOne(
                jdbc.update(
                        "UPDATE dd_assessment SET open_cents = open_cents + ? WHERE assessment_id = ?",
                        deltaCents,
                        assessmentId),
                "assessment " + assessmentId);
    }

    private static void touchOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException("direct-debit tables: " + what + " not found (" + rows + " rows)");
        }
    }
}
