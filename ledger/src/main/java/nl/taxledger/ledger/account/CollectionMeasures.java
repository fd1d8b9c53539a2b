package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static nl.taxledger.ledger.api.LedgerRejection.found;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import nl.taxledger.ledger.api.AgreePaymentArrangement;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.ArrangementTerm;
import nl.taxledger.ledger.api.DeferralEnded;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.EndDeferral;
import nl.taxledger.ledger.api.EndDirectDebitMandate;
import nl.taxledger.ledger.api.EndPaymentArrangement;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.GrantDeferral;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.MandateEndReason;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentArrangementTermMissed;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.RecordArrangementTermMissed;
import nl.taxledger.ledger.api.RecordDirectDebitFailure;
import nl.taxledger.ledger.api.RegisterDirectDebitMandate;
import nl.taxledger.ledger.directdebit.CollectionMoments;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Collection measures on a debtor's account that do not move money: deferrals (uitstel),
 * payment arrangements (betalingsregelingen, Leidraad: at most 10 months, ended after two missed
 * terms) and direct-debit mandates (reglement art. 8: ended after three failed collection dates in a row, by
 * revocation or by the collector; what they covered then falls due at once).
 */
final class CollectionMeasures {
    static final int MISSED_TERMS_THAT_END_AN_ARRANGEMENT = 2;
    static final int FAILURES_THAT_END_A_MANDATE = 3;

    private record Deferral(
            DeferralKind kind, String assessmentId, LocalDate from, LocalDate until, LocalDate endedOn) {
        boolean activeOn(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(until) && (endedOn == null || date.isBefore(endedOn));
        }
    }

    private static final class Arrangement {
        final Set<LocalDate> termDueDates = new HashSet<>();
        final Set<LocalDate> missed = new HashSet<>();
        boolean active = true;

        @Override
        public boolean equals(Object other) {
            return other instanceof Arrangement that
                    && termDueDates.equals(that.termDueDates)
                    && missed.equals(that.missed)
                    && active == that.active;
        }

        @Override
        public int hashCode() {
            return termDueDates.hashCode();
        }
    }

    /**
     * A mandate's collection dates with a transaction for it (failed or collected) and the EndToEndIds that
     * failed. A date counts as failed when any of its transactions failed (§10), so a failure overrides a
     * collected term of the same date, never the other way round.
     */
    private static final class Mandate {
        final TreeMap<LocalDate, Boolean> failedByCollectionDate = new TreeMap<>();
        final Set<String> failedEndToEndIds = new HashSet<>();
        final LocalDate signedDate;
        boolean active = true;

        Mandate(LocalDate signedDate) {
            this.signedDate = signedDate;
        }

        boolean hasFailed(LocalDate collectionDate, String endToEndId) {
            return endToEndId != null
                    ? failedEndToEndIds.contains(endToEndId)
                    : Boolean.TRUE.equals(failedByCollectionDate.get(collectionDate));
        }

        /** The latest collection dates that all failed, counted as if {@code collectionDate} failed too. */
        int failedDatesAtTheEndWith(LocalDate collectionDate) {
            TreeMap<LocalDate, Boolean> dates = new TreeMap<>(failedByCollectionDate);
            dates.put(collectionDate, true);
            int failed = 0;
            for (boolean dateFailed : dates.descendingMap().values()) {
                if (!dateFailed) {
                    break;
                }
                failed++;
            }
            return failed;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Mandate that
                    && failedByCollectionDate.equals(that.failedByCollectionDate)
                    && failedEndToEndIds.equals(that.failedEndToEndIds)
                    && active == that.active;
        }

        @Override
        public int hashCode() {
            return failedByCollectionDate.hashCode();
        }
    }

    private final Map<String, Deferral> deferrals = new LinkedHashMap<>();
    private final Map<String, Arrangement> arrangements = new LinkedHashMap<>();
    private final Map<String, Mandate> mandates = new LinkedHashMap<>();
    /** Assessments whose remaining debt fell due (a mandate ended, a last term failed): never booked twice. */
    private final Set<String> fellDue = new HashSet<>();
    /** The debtor's assessments with an open amount, what falls due when a mandate ends. */
    private final Supplier<List<DueAssessment>> openAssessments;

    CollectionMeasures(Supplier<List<DueAssessment>> openAssessments) {
        this.openAssessments = openAssessments;
    }

    boolean moratoriumActiveOn(LocalDate date) {
        return deferrals.values().stream().anyMatch(d -> d.kind() == DeferralKind.MORATORIUM && d.activeOn(date));
    }

    /** Whether payment of the assessment is deferred on the date: a deferral of it, or of all the debtor's debts. */
    boolean deferredOn(String assessmentId, LocalDate date) {
        return deferrals.values().stream()
                .anyMatch(d -> d.activeOn(date)
                        && (d.assessmentId() == null || d.assessmentId().equals(assessmentId)));
    }

    // ---- deferral ----------------------------------------------------------------------------

    @CommandHandler
    DeferralGranted handle(GrantDeferral command) {
        check(
                !deferrals.containsKey(command.deferralId()),
                ErrorCode.DUPLICATE_ITEM,
                "deferral " + command.deferralId() + " exists");
        check(!command.until().isBefore(command.from()), ErrorCode.VALIDATION_FAILED, "deferral ends before it starts");
        DeferralGranted event = new DeferralGranted(
                command.debtorId(),
                command.deferralId(),
                command.kind(),
                command.assessmentId(),
                command.from(),
                command.until(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    DeferralEnded handle(EndDeferral command) {
        Deferral deferral = deferrals.get(command.deferralId());
        check(deferral != null, ErrorCode.UNKNOWN_ITEM, "no deferral " + command.deferralId());
        check(
                deferral.endedOn() == null,
                ErrorCode.INVALID_STATE,
                "deferral " + command.deferralId() + " already ended");
        DeferralEnded event = new DeferralEnded(
                command.debtorId(), command.deferralId(), command.date(), command.reason(), command.bookingDate());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(DeferralGranted event) {
        deferrals.put(
                event.deferralId(),
                new Deferral(event.kind(), event.assessmentId(), event.from(), event.until(), null));
    }

    @EventSourcingHandler
    void on(DeferralEnded event) {
        Deferral d = deferrals.get(event.deferralId());
        deferrals.put(event.deferralId(), new Deferral(d.kind(), d.assessmentId(), d.from(), d.until(), event.date()));
    }

    // ---- payment arrangement ------------------------------------------------------------------

    @CommandHandler
    PaymentArrangementAgreed handle(AgreePaymentArrangement command) {
        check(
                !arrangements.containsKey(command.arrangementId()),
                ErrorCode.DUPLICATE_ITEM,
                "arrangement " + command.arrangementId() + " exists");
        List<ArrangementTerm> terms = command.terms();
        ArrangementTerms.check(command.agreedDate(), terms);
        PaymentArrangementAgreed event = new PaymentArrangementAgreed(
                command.debtorId(),
                command.arrangementId(),
                List.copyOf(command.assessmentIds()),
                List.copyOf(terms),
                command.agreedDate(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    PaymentArrangementTermMissed handle(RecordArrangementTermMissed command) {
        Arrangement arrangement = activeArrangement(command.arrangementId());
        check(
                arrangement.termDueDates.contains(command.termDueDate()),
                ErrorCode.VALIDATION_FAILED,
                "no term due on " + command.termDueDate());
        check(
                !arrangement.missed.contains(command.termDueDate()),
                ErrorCode.INVALID_STATE,
                "term already recorded as missed");
        int missedCount = arrangement.missed.size() + 1;
        PaymentArrangementTermMissed event = new PaymentArrangementTermMissed(
                command.debtorId(), command.arrangementId(), command.termDueDate(), missedCount, command.bookingDate());
        apply(event);
        if (missedCount >= MISSED_TERMS_THAT_END_AN_ARRANGEMENT) {
            apply(new PaymentArrangementEnded(
                    command.debtorId(),
                    command.arrangementId(),
                    ArrangementOutcome.DEFAULTED,
                    command.termDueDate(),
                    command.bookingDate()));
        }
        return event;
    }

    @CommandHandler
    PaymentArrangementEnded handle(EndPaymentArrangement command) {
        activeArrangement(command.arrangementId());
        check(
                command.outcome() != ArrangementOutcome.DEFAULTED,
                ErrorCode.VALIDATION_FAILED,
                "an arrangement defaults only by two missed terms");
        PaymentArrangementEnded event = new PaymentArrangementEnded(
                command.debtorId(), command.arrangementId(), command.outcome(), command.date(), command.bookingDate());
        apply(event);
        return event;
    }

    private Arrangement activeArrangement(String arrangementId) {
        Arrangement arrangement =
                found(arrangements.get(arrangementId), ErrorCode.UNKNOWN_ITEM, "no arrangement " + arrangementId);
        check(arrangement.active, ErrorCode.INVALID_STATE, "arrangement " + arrangementId + " has ended");
        return arrangement;
    }

    @EventSourcingHandler
    void on(PaymentArrangementAgreed event) {
        Arrangement arrangement = new Arrangement();
        event.terms().forEach(term -> arrangement.termDueDates.add(term.dueDate()));
        arrangements.put(event.arrangementId(), arrangement);
    }

    @EventSourcingHandler
    void on(PaymentArrangementTermMissed event) {
        arrangements.get(event.arrangementId()).missed.add(event.termDueDate());
    }

    @EventSourcingHandler
    void on(PaymentArrangementEnded event) {
        arrangements.get(event.arrangementId()).active = false;
    }

    // ---- direct debit ------------------------------------------------------------------------

    @CommandHandler
    DirectDebitMandateRegistered handle(RegisterDirectDebitMandate command) {
        check(
                !mandates.containsKey(command.mandateId()),
                ErrorCode.DUPLICATE_ITEM,
                "mandate " + command.mandateId() + " exists");
        LocalDate startsOn = CollectionMoments.firstMomentAfter(command.signedDate());
        // at most one active mandate per debtor (§10): the new one replaces the one before from its own start, so
        // no collection moment falls between the two and none has two mandates
        for (String previousId : List.copyOf(mandates.keySet())) {
            if (mandates.get(previousId).active) {
                end(command.debtorId(), previousId, MandateEndReason.REPLACED, null, startsOn, command.bookingDate());
            }
        }
        DirectDebitMandateRegistered event = new DirectDebitMandateRegistered(
                command.debtorId(),
                command.mandateId(),
                command.accountRef(),
                command.signedDate(),
                command.bookingDate(),
                startsOn);
        apply(event);
        return event;
    }

    /**
     * A failed collection, judged when it is booked (§10): the mandate ends ({@code THREE_FAILURES}, dated the day of
     * this booking) once its last three collection dates that had a transaction for it have all failed. A mandate
     * that has ended still takes failures: a run issued before its end is collected (and returned) all the same.
     */
    @CommandHandler
    DirectDebitCollectionFailed handle(RecordDirectDebitFailure command) {
        Mandate mandate =
                found(mandates.get(command.mandateId()), ErrorCode.UNKNOWN_ITEM, "no mandate " + command.mandateId());
        // one collection fails at most once, however many files report it (§10): a repeat changes nothing
        check(
                !mandate.hasFailed(command.collectionDate(), command.endToEndId()),
                ErrorCode.DUPLICATE_ITEM,
                "collection "
                        + (command.endToEndId() != null
                                ? command.endToEndId()
                                : "of mandate " + command.mandateId() + " on " + command.collectionDate())
                        + " already failed");
        int failures = mandate.failedDatesAtTheEndWith(command.collectionDate());
        DirectDebitCollectionFailed event = new DirectDebitCollectionFailed(
                command.debtorId(),
                command.mandateId(),
                command.collectionDate(),
                command.reasonCode(),
                failures,
                command.bookingDate(),
                command.endToEndId());
        apply(event);
        if (mandate.active && failures >= FAILURES_THAT_END_A_MANDATE) {
            end(
                    command.debtorId(),
                    command.mandateId(),
                    MandateEndReason.THREE_FAILURES,
                    null,
                    command.bookingDate(),
                    command.bookingDate());
        }
        if (command.lastTermOf() != null) {
            lastTermFailed(command.debtorId(), command.mandateId(), command.lastTermOf(), command.bookingDate());
        }
        return event;
    }

    /**
     * The failed transaction was the assessment's last term: no later moment collects it (docs/design.md, "Choices
     * where the rule book is silent"), so what is open of it falls due at once, on the day the failure is booked,
     * as when a mandate ends (§10). Not twice: when it fell due already (the mandate ended with this failure, or
     * before) nothing more is booked; nor when nothing of it is open (paid by transfer meanwhile).
     */
    private void lastTermFailed(String debtorId, String mandateId, String assessmentId, LocalDate bookingDate) {
        if (fellDue.contains(assessmentId)) {
            return;
        }
        openAssessments.get().stream()
                .filter(open -> open.assessmentId().equals(assessmentId))
                .findFirst()
                .ifPresent(open -> apply(
                        new DirectDebitDebtFellDue(debtorId, mandateId, List.of(open), bookingDate, bookingDate)));
    }

    @CommandHandler
    DirectDebitMandateEnded handle(EndDirectDebitMandate command) {
        Mandate mandate = activeMandate(command.mandateId());
        MandateEndReason reason = Arrays.stream(MandateEndReason.values())
                .filter(r -> r.name().equals(command.reason()) && r.byHand())
                .findFirst()
                .orElseThrow(() -> new LedgerRejection(
                        ErrorCode.VALIDATION_FAILED,
                        "a mandate is ended by hand as" + " REVOKED or ENDED_BY_COLLECTOR, not " + command.reason()));
        check(
                reason != MandateEndReason.ENDED_BY_COLLECTOR
                        || command.explanation() != null
                                && !command.explanation().isBlank(),
                ErrorCode.VALIDATION_FAILED,
                "an end by the collector needs an explanation");
        check(
                !command.date().isBefore(mandate.signedDate) && !command.date().isAfter(command.bookingDate()),
                ErrorCode.VALIDATION_FAILED,
                "a mandate ends between its signature (" + mandate.signedDate + ") and the booking date, not on "
                        + command.date());
        return end(
                command.debtorId(),
                command.mandateId(),
                reason,
                command.explanation(),
                command.date(),
                command.bookingDate());
    }

    /**
     * Ends the mandate; unless another mandate of the debtor goes on collecting (a newer one replaces it), what it
     * covered (every assessment of the debtor with an open amount) is no longer collected and falls due at once on
     * the end date (§10, art. 8).
     */
    private DirectDebitMandateEnded end(
            String debtorId,
            String mandateId,
            MandateEndReason reason,
            String explanation,
            LocalDate date,
            LocalDate bookingDate) {
        DirectDebitMandateEnded ended =
                new DirectDebitMandateEnded(debtorId, mandateId, reason.name(), date, bookingDate, explanation);
        apply(ended);
        boolean stillCollected = reason == MandateEndReason.REPLACED
                || mandates.values().stream().anyMatch(mandate -> mandate.active);
        List<DueAssessment> due = openAssessments.get();
        if (!stillCollected && !due.isEmpty()) {
            apply(new DirectDebitDebtFellDue(debtorId, mandateId, due, date, bookingDate));
        }
        return ended;
    }

    private Mandate activeMandate(String mandateId) {
        Mandate mandate = found(mandates.get(mandateId), ErrorCode.UNKNOWN_ITEM, "no mandate " + mandateId);
        check(mandate.active, ErrorCode.INVALID_STATE, "mandate " + mandateId + " has ended");
        return mandate;
    }

    @EventSourcingHandler
    void on(DirectDebitMandateRegistered event) {
        mandates.put(event.mandateId(), new Mandate(event.signedDate()));
    }

    @EventSourcingHandler
    void on(DirectDebitCollectionFailed event) {
        Mandate mandate = mandates.get(event.mandateId());
        mandate.failedByCollectionDate.put(event.collectionDate(), true);
        if (event.endToEndId() != null) {
            mandate.failedEndToEndIds.add(event.endToEndId());
        }
    }

    @EventSourcingHandler
    void on(DirectDebitMandateEnded event) {
        mandates.get(event.mandateId()).active = false;
    }

    @EventSourcingHandler
    void on(DirectDebitDebtFellDue event) {
        event.assessments().forEach(due -> fellDue.add(due.assessmentId()));
    }

    boolean hasMandate(String mandateId) {
        return mandates.containsKey(mandateId);
    }

    /**
     * A collected term: the collection date of the run's transaction it settled, for the mandate that transaction
     * was under (§10 counts collection dates, not the day money arrived; a replaced mandate's late settlement is its
     * own, not the new mandate's). It stays a collected date unless a failure of that date is known. A DIRECT_DEBIT
     * payment that names no collection (typed in by hand) is no date of any mandate. Facts before revision 3 of
     * PaymentReceived named none either: a rule-1 payment among them counts as it was judged then, on its value date
     * for the mandate registered last that is active, so a replay judges later failures as the ledger did.
     */
    void recordPayment(PaymentReceived event) {
        if (event.collection() != null) {
            mandates.get(event.collection().mandateId())
                    .failedByCollectionDate
                    .putIfAbsent(event.collection().collectionDate(), false);
            return;
        }
        if (!PaymentChannel.DIRECT_DEBIT.name().equals(event.channel())
                || event.matchedBy() != MatchedBy.DIRECT_DEBIT) {
            return;
        }
        Mandate current = null;
        for (Mandate mandate : mandates.values()) {
            current = mandate.active ? mandate : current;
        }
        if (current != null) {
            current.failedByCollectionDate.putIfAbsent(event.valueDate(), false);
        }
    }
}
