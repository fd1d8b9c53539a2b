package nl.taxledger.ledger.directdebit;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import nl.taxledger.ledger.api.DirectDebitCollection;
import nl.taxledger.ledger.api.DirectDebitRunIssued;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.PrepareDirectDebitRun;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The direct-debit run of one collection date (id {@link PrepareDirectDebitRun#runIdOf}), issued once (domain.md
 * §10). The open amounts of many debtors decide it, so they are read on the command side while routing and travel in
 * the command (as a remittance's receipts do); this aggregate decides the terms once, with exactly them, and stores
 * every transaction in the fact. Two preparations of one date meet on its sequence numbers.
 */
public class DirectDebitRun {
    @AggregateIdentifier
    private String runId;

    private boolean issued;

    protected DirectDebitRun() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DirectDebitRunIssued handle(PrepareDirectDebitRun command) {
        check(
                !issued,
                ErrorCode.RUN_ALREADY_ISSUED,
                "the direct-debit run of " + command.collectionDate() + " is issued; a run is issued once per date");
        check(
                PrepareDirectDebitRun.runIdOf(command.collectionDate()).equals(command.runId()),
                ErrorCode.VALIDATION_FAILED,
                "run " + command.runId() + " is not the run of " + command.collectionDate());
        check(
                CollectionMoments.isCollectionMoment(command.collectionDate()),
                ErrorCode.VALIDATION_FAILED,
                command.collectionDate() + " is not a collection moment (the last TARGET2 working day of a month)");
        check(
                !command.collectionDate().isBefore(command.bookingDate()),
                ErrorCode.VALIDATION_FAILED,
                "collection date " + command.collectionDate() + " lies before the booking date "
                        + command.bookingDate());
        List<DirectDebitCollection> collections = DirectDebitTerms.plan(command.collectionDate(), command.candidates());
        long totalCents = 0;
        for (DirectDebitCollection collection : collections) {
            totalCents = Math.addExact(totalCents, collection.amountCents());
        }
        DirectDebitRunIssued event = new DirectDebitRunIssued(
                command.runId(), command.collectionDate(), collections, totalCents, command.bookingDate());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(DirectDebitRunIssued event) {
        runId = event.runId();
        issued = true;
    }
}
