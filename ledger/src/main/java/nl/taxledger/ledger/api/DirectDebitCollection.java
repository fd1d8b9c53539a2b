package nl.taxledger.ledger.api;

/**
 * One transaction of a direct-debit run, frozen in {@link DirectDebitRunIssued}: the term of one assessment under
 * one mandate. {@code termNumber} is the 1-based number of the collection moment among the assessment's
 * {@code termCount} moments.
 */
public record DirectDebitCollection(
        String endToEndId,
        String debtorId,
        String mandateId,
        String assessmentId,
        long amountCents,
        SequenceType sequenceType,
        int termNumber,
        int termCount) {}
