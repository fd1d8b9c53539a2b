package nl.taxledger.service.commandapi;

import java.time.LocalDate;
import nl.taxledger.ledger.api.PrepareDirectDebitRun;
import nl.taxledger.ledger.directdebit.CollectionMoments;

/** The direct-debit run (domain.md §10) in its JSON shape. */
public final class DirectDebitRequests {
    private DirectDebitRequests() {}

    /**
     * Prepare the run of a collection moment. The candidates (assessments with an open amount under a mandate active
     * on that date) are read while routing, in the command's transaction, and travel in the command: the run decides
     * its terms with exactly them and freezes them in its fact, as a remittance does with its receipts.
     */
    public record PrepareDirectDebitRunRequest(String commandId, String collectionDate, String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            LocalDate date = Fields.date("collectionDate", collectionDate);
            if (!CollectionMoments.isCollectionMoment(date)) {
                throw Fields.invalid(
                        "collectionDate",
                        "collectionDate " + date
                                + " is not a collection moment (the last TARGET2 working day of a month)");
            }
            if (date.isBefore(booked)) {
                throw Fields.invalid(
                        "collectionDate", "collectionDate " + date + " lies before the booking date " + booked);
            }
            return directory -> new PrepareDirectDebitRun(
                    PrepareDirectDebitRun.runIdOf(date), date, directory.directDebitCandidates(date), booked);
        }
    }
}
