package nl.taxledger.ledger.journal;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import nl.taxledger.ledger.api.DeferralEnded;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentArrangementTermMissed;

/**
 * Dates of facts without money. Facts that have no effective date of their own (a participant
 * registered, a suspense item assigned, a period closed) take effect on their booking date.
 */
final class NonFinancialDates {
    private NonFinancialDates() {
    }

    static LocalDate effectiveDate(Object event) {
        if (event instanceof DeferralGranted e) {
            return e.from();
        } else if (event instanceof DeferralEnded e) {
            return e.date();
        } else if (event instanceof PaymentArrangementAgreed e) {
            return e.agreedDate();
        } else if (event instanceof PaymentArrangementEnded e) {
            return e.date();
        } else if (event instanceof PaymentArrangementTermMissed e) {
            return e.termDueDate();
        } else if (event instanceof DirectDebitMandateRegistered e) {
            return e.signedDate();
        } else if (event instanceof DirectDebitCollectionFailed e) {
            return e.collectionDate();
        } else if (event instanceof DirectDebitMandateEnded e) {
            return e.date();
        } else if (event instanceof nl.taxledger.ledger.api.BankStatementRecorded e) {
            return e.statementDate();
        }
        return bookingDate(event);
    }

    /** Every fact is a record with a bookingDate component (domain.md §2). */
    static LocalDate bookingDate(Object event) {
        if (event.getClass().isRecord()) {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.getName().equals("bookingDate") && component.getType() == LocalDate.class) {
                    try {
                        return (LocalDate) component.getAccessor().invoke(event);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read bookingDate of " + event.getClass().getName(), e);
                    }
                }
            }
        }
        throw new IllegalStateException("fact " + event.getClass().getName() + " has no bookingDate");
    }
}
