package nl.taxledger.projections.history;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.DeferralEnded;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentArrangementTermMissed;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;

/**
 * The events that concern a debtor, and which of their fields is the effective date
 * (domain.md §2: issue date, decision date, value date, ...).
 */
final class DebtorFacts {

    record Dates(String debtorId, LocalDate effectiveDate, LocalDate bookingDate) {
    }

    private static final Map<Class<?>, Function<Object, Dates>> FACTS = Map.ofEntries(
            fact(AssessmentImposed.class, e -> new Dates(e.debtorId(), e.issueDate(), e.bookingDate())),
            fact(AssessmentReduced.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(CostsCharged.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            fact(CostsCancelled.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(InterestCharged.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            fact(InterestCancelled.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(PaymentReceived.class, e -> new Dates(e.debtorId(), e.valueDate(), e.bookingDate())),
            fact(PaymentReversed.class, e -> new Dates(e.debtorId(), e.valueDate(), e.bookingDate())),
            fact(CreditOffset.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            fact(RefundPaid.class, e -> new Dates(e.debtorId(), e.valueDate(), e.bookingDate())),
            fact(RemissionGranted.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(WrittenOffAsUncollectible.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(UncollectibleReinstated.class, e -> new Dates(e.debtorId(), e.decisionDate(), e.bookingDate())),
            fact(DeferralGranted.class, e -> new Dates(e.debtorId(), e.from(), e.bookingDate())),
            fact(DeferralEnded.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            fact(PaymentArrangementAgreed.class, e -> new Dates(e.debtorId(), e.agreedDate(), e.bookingDate())),
            fact(PaymentArrangementEnded.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            fact(PaymentArrangementTermMissed.class, e -> new Dates(e.debtorId(), e.termDueDate(), e.bookingDate())),
            fact(DirectDebitMandateRegistered.class, e -> new Dates(e.debtorId(), e.signedDate(), e.bookingDate())),
            fact(DirectDebitCollectionFailed.class, e -> new Dates(e.debtorId(), e.collectionDate(), e.bookingDate())),
            fact(DirectDebitMandateEnded.class, e -> new Dates(e.debtorId(), e.date(), e.bookingDate())),
            // an assignment out of suspense has no effective date of its own: the payment's value date is on PaymentReceived
            fact(UnmatchedPaymentAssigned.class, e -> new Dates(e.debtorId(), null, e.bookingDate())));

    private DebtorFacts() {
    }

    /** Empty for events about no debtor; throws for a new debtor event this table does not know yet. */
    static Optional<Dates> of(Object event) {
        Function<Object, Dates> dates = FACTS.get(event.getClass());
        if (dates != null) {
            return Optional.of(dates.apply(event));
        }
        if (hasDebtorId(event)) {
            throw new IllegalStateException("debtor-history: no effective date known for " + event.getClass().getName()
                    + "; add it to DebtorFacts");
        }
        return Optional.empty();
    }

    private static boolean hasDebtorId(Object event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        return components != null && Arrays.stream(components).anyMatch(c -> c.getName().equals("debtorId"));
    }

    private static <E> Map.Entry<Class<?>, Function<Object, Dates>> fact(Class<E> type, Function<E, Dates> dates) {
        return Map.entry(type, event -> dates.apply(type.cast(event)));
    }
}
