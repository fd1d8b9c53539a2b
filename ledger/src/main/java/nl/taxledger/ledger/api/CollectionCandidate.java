package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * An assessment with an open amount under a debtor's mandate that is active on the collection date, as the command
 * side read it while routing a {@link PrepareDirectDebitRun}: the run decides which of them have a collection moment
 * on that date and what each term is. {@code openCents} is costs + interest + principal; {@code termCount} the tax
 * year's term count from the ledger's configuration; {@code mandateCollectedBefore} whether an earlier run had a
 * transaction for the mandate (FRST or RCUR).
 */
public record CollectionCandidate(
        String debtorId,
        String mandateId,
        boolean mandateCollectedBefore,
        String assessmentId,
        LocalDate issueDate,
        LocalDate dueDate,
        int termCount,
        long openCents) {}
