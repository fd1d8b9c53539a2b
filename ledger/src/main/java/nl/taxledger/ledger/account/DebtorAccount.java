package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.api.LedgerRejection.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.taxledger.ledger.allocation.Share;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.CancelCosts;
import nl.taxledger.ledger.api.CancelInterest;
import nl.taxledger.ledger.api.ChargeCosts;
import nl.taxledger.ledger.api.ChargeInterest;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.GrantRemission;
import nl.taxledger.ledger.api.ImposeAssessment;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.OffsetCredit;
import nl.taxledger.ledger.api.PayRefund;
import nl.taxledger.ledger.api.PaymentAmount;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.ReduceAssessment;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.ReinstateUncollectible;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.ReversePayment;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.WriteOffUncollectible;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A debtor's account: every assessment of one debtor and every payment on them. Command
 * handlers check, decide the allocation (art. 7 IW) and apply one fact that stores it;
 * event-sourcing handlers only record what the fact says.
 */
public class DebtorAccount {
    @AggregateIdentifier
    private String debtorId;

    private final AccountState state = new AccountState();

    @AggregateMember
    private final CollectionMeasures measures = new CollectionMeasures(this::openAssessments);

    protected DebtorAccount() {
        // for Axon
    }

    /** Every assessment with an open amount (costs, interest and principal), in the order they were imposed. */
    private List<DueAssessment> openAssessments() {
        List<DueAssessment> open = new ArrayList<>();
        for (Assessment assessment : state.assessments().values()) {
            long openCents = assessment.open().openCents();
            if (openCents > 0) {
                open.add(new DueAssessment(assessment.assessmentId, openCents));
            }
        }
        return open;
    }

    // ---- assessments, costs, interest --------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AssessmentImposed handle(ImposeAssessment command) {
        check(
                !state.hasAssessment(command.assessmentId()),
                ErrorCode.DUPLICATE_ASSESSMENT,
                "assessment " + command.assessmentId() + " is already imposed");
        check(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "an assessment needs at least one line");
        Set<String> lineIds = new HashSet<>();
        for (LineSpec line : command.lines()) {
            check(lineIds.add(line.lineId()), ErrorCode.VALIDATION_FAILED, "line " + line.lineId() + " appears twice");
            check(line.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "line amount must be positive");
        }
        check(
                !command.dueDate().isBefore(command.issueDate()),
                ErrorCode.VALIDATION_FAILED,
                "due date before issue date");
        checkBelongsTo(command.kind(), command.belongsToAssessmentId());
        AssessmentImposed event = new AssessmentImposed(
                command.debtorId(),
                command.assessmentId(),
                command.issueDate(),
                command.dueDate(),
                command.paymentReference(),
                List.copyOf(command.lines()),
                command.bookingDate(),
                command.kind(),
                command.belongsToAssessmentId());
        apply(event);
        return event;
    }

    /** A bestuurlijke boete belongs to a tax assessment of the same debtor; a tax assessment belongs to none. */
    private void checkBelongsTo(AssessmentKind kind, String belongsToAssessmentId) {
        if (kind != AssessmentKind.BESTUURLIJKE_BOETE) {
            check(
                    belongsToAssessmentId == null,
                    ErrorCode.VALIDATION_FAILED,
                    "belongsToAssessmentId is only for a " + AssessmentKind.BESTUURLIJKE_BOETE);
            return;
        }
        check(
                belongsToAssessmentId != null,
                ErrorCode.VALIDATION_FAILED,
                "belongsToAssessmentId is required for a " + AssessmentKind.BESTUURLIJKE_BOETE);
        check(
                state.assessment(belongsToAssessmentId).kind == AssessmentKind.AANSLAG,
                ErrorCode.VALIDATION_FAILED,
                "belongsToAssessmentId " + belongsToAssessmentId + " must be a tax assessment, not a fine");
    }

    @CommandHandler
    public CostsCharged handle(ChargeCosts command) {
        Assessment assessment = state.assessment(command.assessmentId());
        check(
                assessment.item(Component.COSTS, command.costId()) == null,
                ErrorCode.DUPLICATE_ITEM,
                "cost item " + command.costId() + " already charged");
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        CostsCharged event = new CostsCharged(
                debtorId,
                command.assessmentId(),
                command.costId(),
                command.kind(),
                command.amountCents(),
                command.date(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public InterestCharged handle(ChargeInterest command) {
        Assessment assessment = state.assessment(command.assessmentId());
        check(
                assessment.item(Component.INTEREST, command.interestId()) == null,
                ErrorCode.DUPLICATE_ITEM,
                "interest item " + command.interestId() + " already charged");
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        InterestCharged event = new InterestCharged(
                debtorId,
                command.assessmentId(),
                command.interestId(),
                command.amountCents(),
                command.date(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public CostsCancelled handle(CancelCosts command) {
        ClaimItem item = cancellable(command.assessmentId(), Component.COSTS, command.costId());
        CostsCancelled event = new CostsCancelled(
                debtorId,
                command.assessmentId(),
                command.costId(),
                item.openCents(),
                item.takeBackNewestFirst(item.paidCents(), state::paymentOrder),
                command.decisionDate(),
                command.reason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public InterestCancelled handle(CancelInterest command) {
        ClaimItem item = cancellable(command.assessmentId(), Component.INTEREST, command.interestId());
        InterestCancelled event = new InterestCancelled(
                debtorId,
                command.assessmentId(),
                command.interestId(),
                item.openCents(),
                item.takeBackNewestFirst(item.paidCents(), state::paymentOrder),
                command.decisionDate(),
                command.reason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    private ClaimItem cancellable(String assessmentId, Component component, String itemId) {
        ClaimItem item = state.assessment(assessmentId).item(component, itemId);
        check(item != null, ErrorCode.UNKNOWN_ITEM, "no " + component + " item " + itemId + " on " + assessmentId);
        check(
                item.openCents() + item.paidCents() > 0,
                ErrorCode.INVALID_STATE,
                "item " + itemId + " has nothing left to cancel");
        return item;
    }

    // ---- money in and out ------------------------------------------------------------------

    @CommandHandler
    public PaymentReceived handle(ReceivePayment command) {
        check(
                !state.hasPayment(command.paymentId()),
                ErrorCode.DUPLICATE_PAYMENT,
                "payment " + command.paymentId() + " is already booked");
        check(command.channel() != null, ErrorCode.VALIDATION_FAILED, "channel is required");
        return receive(
                command.paymentId(),
                command.amountCents(),
                command.directedAssessmentId(),
                command.valueDate(),
                command.reference(),
                command.channel().name(),
                command.counterpartyRef(),
                false,
                command.bookingDate(),
                command.matchedBy(),
                command.collection());
    }

    /** Books money, new or from suspense: art. 7 over the account, the rest becomes credit. */
    public PaymentReceived receive(
            String paymentId,
            long amountCents,
            String directedAssessmentId,
            java.time.LocalDate valueDate,
            String reference,
            String channel,
            String counterpartyRef,
            boolean fromSuspense,
            java.time.LocalDate bookingDate,
            nl.taxledger.ledger.api.MatchedBy matchedBy,
            nl.taxledger.ledger.api.CollectionRef collection) {
        check(amountCents > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        check(
                collection == null || measures.hasMandate(collection.mandateId()),
                ErrorCode.UNKNOWN_ITEM,
                "payment " + paymentId + " collected under a mandate the debtor does not have: " + collection);
        check(!state.hasPayment(paymentId), ErrorCode.DUPLICATE_PAYMENT, "payment " + paymentId + " is already booked");
        AccountState.Settlement settlement = state.settle(
                amountCents, directedAssessmentId, true, assessmentId -> measures.deferredOn(assessmentId, valueDate));
        List<Allocation> allocations = new ArrayList<>();
        for (Share share : settlement.shares()) {
            allocations.add(new Allocation(
                    share.assessmentId(), share.component(), share.itemId(), paymentId, share.amountCents()));
        }
        PaymentReceived event = new PaymentReceived(
                debtorId,
                paymentId,
                amountCents,
                valueDate,
                reference,
                channel,
                counterpartyRef,
                fromSuspense,
                settlement.owedSettledCents(),
                allocations,
                settlement.restCents(),
                bookingDate,
                matchedBy,
                collection);
        apply(event);
        return event;
    }

    @CommandHandler
    public PaymentReversed handle(ReversePayment command) {
        AccountState.Payment payment = state.payment(command.paymentId());
        check(
                !payment.reversed,
                ErrorCode.PAYMENT_ALREADY_REVERSED,
                "payment " + command.paymentId() + " is already reversed");
        List<Allocation> takenBack = state.holdingsOf(command.paymentId());
        long ownCreditCents = state.credit.heldBy(command.paymentId());
        long shortfallCents = payment.amountCents - ownCreditCents - sum(takenBack);
        if (shortfallCents < 0) {
            throw new IllegalStateException("payment " + command.paymentId() + " holds more than its amount");
        }
        List<PaymentAmount> otherCredit =
                state.credit.spendNewestFirst(shortfallCents, state::paymentOrder, command.paymentId());
        long owedCents = shortfallCents - sumCredit(otherCredit);
        PaymentReversed event = new PaymentReversed(
                debtorId,
                command.paymentId(),
                payment.amountCents,
                command.valueDate(),
                command.reasonCode(),
                takenBack,
                ownCreditCents,
                otherCredit,
                owedCents,
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public CreditOffset handle(OffsetCredit command) {
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        check(
                !measures.moratoriumActiveOn(command.date()),
                ErrorCode.SET_OFF_BLOCKED_BY_MORATORIUM,
                "no set-off during a moratorium");
        checkCreditCovers(command.amountCents());
        if (command.directedAssessmentId() != null) {
            state.assessment(command.directedAssessmentId());
        }
        AccountState.Settlement settlement = state.settle(
                command.amountCents(),
                command.directedAssessmentId(),
                false,
                assessmentId -> measures.deferredOn(assessmentId, command.date()));
        check(settlement.restCents() == 0, ErrorCode.EXCEEDS_OPEN_AMOUNT, "set-off exceeds the open claims");
        List<PaymentAmount> spent = state.credit.spendNewestFirst(command.amountCents(), state::paymentOrder, null);
        CreditOffset event = new CreditOffset(
                debtorId,
                command.amountCents(),
                spent,
                AccountState.payFromCredit(settlement.shares(), spent),
                command.date(),
                command.reference(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public RefundPaid handle(PayRefund command) {
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        checkCreditCovers(command.amountCents());
        List<PaymentAmount> spent = state.credit.spendNewestFirst(command.amountCents(), state::paymentOrder, null);
        RefundPaid event = new RefundPaid(
                debtorId,
                command.refundId(),
                command.amountCents(),
                spent,
                command.valueDate(),
                command.accountRef(),
                command.bookingDate());
        apply(event);
        return event;
    }

    private void checkCreditCovers(long amountCents) {
        check(
                amountCents <= state.credit.positiveCents(),
                ErrorCode.INSUFFICIENT_CREDIT,
                "credit " + state.credit.balanceCents() + " does not cover " + amountCents);
    }

    // ---- amounts off without money -----------------------------------------------------------

    @CommandHandler
    public AssessmentReduced handle(ReduceAssessment command) {
        ClaimItem line = state.line(command.assessmentId(), command.lineId());
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        long leftCents = state.assessment(command.assessmentId()).leftOfLineCents(command.lineId());
        check(
                command.amountCents() <= leftCents,
                ErrorCode.EXCEEDS_LINE_AMOUNT,
                "reduction " + command.amountCents() + " exceeds what is left of the line: " + leftCents);
        long openReducedCents = Math.min(command.amountCents(), line.openCents());
        List<Allocation> takenBack =
                line.takeBackNewestFirst(command.amountCents() - openReducedCents, state::paymentOrder);
        AssessmentReduced event = new AssessmentReduced(
                debtorId,
                command.assessmentId(),
                command.lineId(),
                command.kind(),
                command.amountCents(),
                openReducedCents,
                takenBack,
                command.decisionDate(),
                command.reason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public RemissionGranted handle(GrantRemission command) {
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        Assessment assessment = state.assessment(command.assessmentId());
        List<ClaimAmount> items = command.component() == Component.PRINCIPAL
                ? List.of(new ClaimAmount(
                        Component.PRINCIPAL,
                        command.lineId(),
                        openOrReject(
                                state.line(command.assessmentId(), command.lineId())
                                        .openCents(),
                                command.amountCents())))
                : oldestFirst(assessment, command.component(), command.amountCents());
        RemissionGranted event = new RemissionGranted(
                debtorId,
                command.assessmentId(),
                command.component(),
                command.amountCents(),
                items,
                command.decisionDate(),
                command.reason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    private static long openOrReject(long openCents, long amountCents) {
        check(
                amountCents <= openCents,
                ErrorCode.EXCEEDS_OPEN_AMOUNT,
                amountCents + " exceeds the open amount " + openCents);
        return amountCents;
    }

    private static List<ClaimAmount> oldestFirst(Assessment assessment, Component component, long amountCents) {
        openOrReject(assessment.openCents(component), amountCents);
        List<ClaimAmount> items = new ArrayList<>();
        long leftCents = amountCents;
        for (var item : (component == Component.COSTS
                ? assessment.open().costs()
                : assessment.open().interest())) {
            long cents = Math.min(leftCents, item.openCents());
            if (cents > 0) {
                items.add(new ClaimAmount(component, item.itemId(), cents));
                leftCents -= cents;
            }
        }
        return items;
    }

    @CommandHandler
    public WrittenOffAsUncollectible handle(WriteOffUncollectible command) {
        check(
                command.reasonCode() != null && !command.reasonCode().isBlank(),
                ErrorCode.VALIDATION_FAILED,
                "a write-off needs a reason code");
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        openOrReject(state.line(command.assessmentId(), command.lineId()).openCents(), command.amountCents());
        WrittenOffAsUncollectible event = new WrittenOffAsUncollectible(
                debtorId,
                command.assessmentId(),
                command.lineId(),
                command.amountCents(),
                command.decisionDate(),
                command.reasonCode(),
                command.bookingDate());
        apply(event);
        return event;
    }

    @CommandHandler
    public UncollectibleReinstated handle(ReinstateUncollectible command) {
        state.line(command.assessmentId(), command.lineId());
        check(command.amountCents() > 0, ErrorCode.VALIDATION_FAILED, "amount must be positive");
        long writtenOffCents = state.assessment(command.assessmentId()).writtenOffCents(command.lineId());
        check(
                command.amountCents() <= writtenOffCents,
                ErrorCode.INVALID_STATE,
                "only " + writtenOffCents + " of this line is written off");
        UncollectibleReinstated event = new UncollectibleReinstated(
                debtorId,
                command.assessmentId(),
                command.lineId(),
                command.amountCents(),
                command.decisionDate(),
                command.reason(),
                command.bookingDate());
        apply(event);
        return event;
    }

    // ---- event-sourcing handlers: record what the fact says -------------------------------

    @EventSourcingHandler
    void on(AssessmentImposed event) {
        debtorId = event.debtorId();
        state.recordAssessment(new Assessment(
                event.assessmentId(),
                event.issueDate(),
                event.dueDate(),
                event.paymentReference(),
                event.lines(),
                event.kind(),
                event.belongsToAssessmentId()));
    }

    @EventSourcingHandler
    void on(CostsCharged event) {
        state.assessment(event.assessmentId())
                .add(new ClaimItem(
                        event.assessmentId(), Component.COSTS, event.costId(), event.date(), event.amountCents()));
    }

    @EventSourcingHandler
    void on(InterestCharged event) {
        state.assessment(event.assessmentId())
                .add(new ClaimItem(
                        event.assessmentId(),
                        Component.INTEREST,
                        event.interestId(),
                        event.date(),
                        event.amountCents()));
    }

    @EventSourcingHandler
    void on(CostsCancelled event) {
        recordCancellation(
                event.assessmentId(), Component.COSTS, event.costId(), event.openCancelledCents(), event.takenBack());
    }

    @EventSourcingHandler
    void on(InterestCancelled event) {
        recordCancellation(
                event.assessmentId(),
                Component.INTEREST,
                event.interestId(),
                event.openCancelledCents(),
                event.takenBack());
    }

    private void recordCancellation(
            String assessmentId, Component component, String itemId, long openCents, List<Allocation> takenBack) {
        state.recordTakeBacks(takenBack, true);
        state.assessment(assessmentId).existingItem(component, itemId).chargedCents -= openCents + sum(takenBack);
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        state.recordPayment(event.paymentId(), event.amountCents(), event.channel());
        state.credit.settleOwed(event.negativeCreditSettledCents());
        state.recordAllocations(event.allocations());
        state.credit.add(event.paymentId(), event.creditCents());
        measures.recordPayment(event);
        state.checkPaymentInvariant(event.paymentId());
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        state.recordTakeBacks(event.takenBack(), false);
        state.credit.take(event.paymentId(), event.ownCreditTakenCents());
        state.recordCreditSpent(event.otherCreditTaken());
        state.credit.addOwed(event.negativeCreditAddedCents());
        state.payment(event.paymentId()).reversed = true;
        state.checkPaymentInvariant(event.paymentId());
    }

    @EventSourcingHandler
    void on(CreditOffset event) {
        state.recordCreditSpent(event.creditSpent());
        state.recordAllocations(event.allocations());
    }

    @EventSourcingHandler
    void on(RefundPaid event) {
        state.recordCreditSpent(event.creditSpent());
    }

    @EventSourcingHandler
    void on(AssessmentReduced event) {
        state.recordTakeBacks(event.takenBack(), true);
        state.assessment(event.assessmentId()).recordReduction(event.lineId(), event.amountCents());
    }

    @EventSourcingHandler
    void on(RemissionGranted event) {
        Assessment assessment = state.assessment(event.assessmentId());
        for (ClaimAmount item : event.items()) {
            assessment.existingItem(item.component(), item.itemId()).settledWithoutMoneyCents += item.amountCents();
        }
    }

    @EventSourcingHandler
    void on(WrittenOffAsUncollectible event) {
        state.assessment(event.assessmentId()).recordWriteOff(event.lineId(), event.amountCents());
    }

    @EventSourcingHandler
    void on(UncollectibleReinstated event) {
        state.assessment(event.assessmentId()).recordWriteOff(event.lineId(), -event.amountCents());
    }

    // ---- reading (tests, invariants) -----------------------------------------------------------

    /** The account's open amounts and credit, for tests that compare projections with the aggregate. */
    public AccountSnapshot snapshot() {
        return AccountSnapshot.of(debtorId, state);
    }

    static long sum(List<Allocation> allocations) {
        long total = 0;
        for (Allocation allocation : allocations) {
            total += allocation.amountCents();
        }
        return total;
    }

    static long sumCredit(List<PaymentAmount> amounts) {
        long total = 0;
        for (PaymentAmount amount : amounts) {
            total += amount.amountCents();
        }
        return total;
    }
}
