package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Betalingsregeling of at most 10 monthly terms over the listed assessments. */
@Revision("1")
public record PaymentArrangementAgreed(String debtorId, String arrangementId, List<String> assessmentIds,
                                       List<ArrangementTerm> terms, LocalDate agreedDate,
                                       LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts {

    @Override
    public LocalDate effectiveDate() {
        return agreedDate;
    }
}
