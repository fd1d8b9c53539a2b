package nl.taxledger.ledger.account;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.ArrangementTerm;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;

/**
 * The shape of a payment arrangement's terms (domain.md §4): 1 to 10 positive terms in date order after the day
 * it is agreed, the last at most 10 months later. Field rules: the REST layer checks them before it reads any
 * ledger state, the aggregate again before it records the agreement.
 */
public final class ArrangementTerms {
    static final int MAX_ARRANGEMENT_TERMS = 10;
    static final int MAX_ARRANGEMENT_MONTHS = 10;

    private ArrangementTerms() {
    }

    public static void check(LocalDate agreedDate, List<ArrangementTerm> terms) {
        if (terms.isEmpty() || terms.size() > MAX_ARRANGEMENT_TERMS) {
            throw invalid("an arrangement has 1 to " + MAX_ARRANGEMENT_TERMS + " terms");
        }
        LocalDate previous = agreedDate;
        for (ArrangementTerm term : terms) {
            if (term.amountCents() <= 0 || !term.dueDate().isAfter(previous)) {
                throw invalid("terms must be positive and in date order after the agreement");
            }
            previous = term.dueDate();
        }
        if (previous.isAfter(agreedDate.plusMonths(MAX_ARRANGEMENT_MONTHS))) {
            throw invalid("an arrangement runs at most " + MAX_ARRANGEMENT_MONTHS + " months");
        }
    }

    private static LedgerRejection invalid(String message) {
        return new LedgerRejection(ErrorCode.VALIDATION_FAILED, "terms", message);
    }
}
