package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A mandate ended, so the assessments it covered are no longer collected and their remaining debt falls due at
 * once on {@code date}, the end date (domain.md §10, reglement art. 8). Management information counts them as past
 * the term from then on, whatever their own due date. Moves no money: {@code assessments} says what was open then.
 */
@Revision("1")
public record DirectDebitDebtFellDue(
        String debtorId, String mandateId, List<DueAssessment> assessments, LocalDate date, LocalDate bookingDate)
        implements LedgerFact, OfDebtor, NoPrincipalReceipts, EffectiveOnDate {

    public DirectDebitDebtFellDue {
        assessments = List.copyOf(assessments);
    }
}
