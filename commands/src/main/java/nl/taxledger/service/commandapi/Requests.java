package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.nonEmpty;
import static nl.taxledger.service.commandapi.Fields.oneOf;
import static nl.taxledger.service.commandapi.Fields.positiveCents;
import static nl.taxledger.service.commandapi.Fields.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.taxledger.ledger.account.ArrangementTerms;
import nl.taxledger.ledger.api.AgreePaymentArrangement;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.ArrangementTerm;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.AssignUnmatchedPayment;
import nl.taxledger.ledger.api.CancelCosts;
import nl.taxledger.ledger.api.CancelInterest;
import nl.taxledger.ledger.api.ChargeCosts;
import nl.taxledger.ledger.api.ChargeInterest;
import nl.taxledger.ledger.api.ClosePeriod;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.EndDeferral;
import nl.taxledger.ledger.api.EndDirectDebitMandate;
import nl.taxledger.ledger.api.EndPaymentArrangement;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.GrantDeferral;
import nl.taxledger.ledger.api.GrantRemission;
import nl.taxledger.ledger.api.HoldUnmatchedPayment;
import nl.taxledger.ledger.api.ImposeAssessment;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.MandateEndReason;
import nl.taxledger.ledger.api.OffsetCredit;
import nl.taxledger.ledger.api.PayRefund;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.RecordArrangementTermMissed;
import nl.taxledger.ledger.api.RecordDirectDebitFailure;
import nl.taxledger.ledger.api.ReduceAssessment;
import nl.taxledger.ledger.api.ReductionKind;
import nl.taxledger.ledger.api.RegisterDirectDebitMandate;
import nl.taxledger.ledger.api.RegisterParticipant;
import nl.taxledger.ledger.api.ReinstateUncollectible;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.api.ReversePayment;
import nl.taxledger.ledger.api.ReverseUnmatchedPayment;
import nl.taxledger.ledger.api.WriteOffUncollectible;
import nl.taxledger.ledger.remittance.RemittancePolicy;
import nl.taxledger.ledger.routing.PaymentRouting;
import nl.taxledger.service.lookup.Directory;

/**
 * The command shapes of the public API, one record per command type (listed in {@link CommandCatalogue}). Amounts
 * and dates are strings so that a malformed value is a {@code VALIDATION_FAILED} naming the field, not a parse error.
 * {@code validate} checks every field before anything reads ledger state (domain.md §8) and says how to route.
 */
public final class Requests {
    private Requests() {}

    public record RegisterParticipantRequest(
            String commandId,
            String participantId,
            String name,
            String iban,
            String schedule,
            String reserveRate,
            Integer reserveYears,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("participantId", participantId);
            String validIban = Fields.iban("iban", iban);
            RemittanceSchedule validSchedule = Fields.optional("schedule", RemittanceSchedule.class, schedule);
            BigDecimal rate = reserveRate == null ? null : Fields.rate("reserveRate", reserveRate);
            RemittancePolicy policy = RemittancePolicy.withDefaults(validSchedule, rate, reserveYears);
            String validName = required("name", name);
            return directory -> {
                if (directory.participantExists(id)) {
                    throw new LedgerRejection(ErrorCode.DUPLICATE_PARTICIPANT, "participant " + id + " exists");
                }
                return new RegisterParticipant(
                        id,
                        validName,
                        validIban,
                        policy.schedule(),
                        policy.reserveRate(),
                        policy.reserveYears(),
                        booked);
            };
        }
    }

    /** Closing the books through a date is itself a booking: dated, and refused inside a closed period. */
    public record ClosePeriodRequest(String commandId, String through, String bookingDate) implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            LocalDate closeThrough = Fields.date("through", through);
            if (!closeThrough.isBefore(booked)) {
                throw Fields.invalid("through", "through " + closeThrough + " must lie before the booking date");
            }
            return d -> new ClosePeriod(ClosePeriod.LEDGER, closeThrough, booked);
        }
    }

    public record LineRequest(String lineId, String participantId, String taxType, Integer taxYear, String amount) {
        /** {@code path} names this line in a refusal ({@code lines[1].}), so a form can show it beside the field. */
        LineSpec validate(String path) {
            Integer year = required(path + "taxYear", taxYear);
            if (year < FieldBounds.FIRST_TAX_YEAR || year > FieldBounds.LAST_TAX_YEAR) {
                throw Fields.invalid(path + "taxYear", path + "taxYear out of range: " + year);
            }
            return new LineSpec(
                    required(path + "lineId", lineId),
                    required(path + "participantId", participantId),
                    required(path + "taxType", taxType),
                    year,
                    positiveCents(path + "amount", amount));
        }
    }

    public record ImposeAssessmentRequest(
            String commandId,
            String assessmentId,
            String debtorId,
            String issueDate,
            String dueDate,
            String paymentReference,
            List<LineRequest> lines,
            String bookingDate,
            String kind,
            String belongsToAssessmentId)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("assessmentId", assessmentId);
            String debtor = required("debtorId", debtorId);
            LocalDate issued = Fields.date("issueDate", issueDate);
            LocalDate due = Fields.date("dueDate", dueDate);
            if (due.isBefore(issued)) {
                throw Fields.invalid("dueDate", "dueDate " + due + " lies before issueDate " + issued);
            }
            List<LineSpec> specs = validLines();
            String reference = paymentReference == null ? id : paymentReference;
            AssessmentKind validKind =
                    kind == null ? AssessmentKind.AANSLAG : oneOf("kind", AssessmentKind.class, kind);
            if ((validKind == AssessmentKind.BESTUURLIJKE_BOETE) != (belongsToAssessmentId != null)) {
                throw Fields.invalid(
                        "belongsToAssessmentId",
                        "belongsToAssessmentId is required for, and only for, a " + AssessmentKind.BESTUURLIJKE_BOETE);
            }
            return directory -> {
                if (belongsToAssessmentId != null
                        && !Routes.debtorOfAssessment(directory, belongsToAssessmentId)
                                .equals(debtor)) {
                    throw new LedgerRejection(
                            ErrorCode.UNKNOWN_ASSESSMENT,
                            "assessment " + belongsToAssessmentId + " is not this debtor's");
                }
                for (int i = 0; i < specs.size(); i++) {
                    String participant = specs.get(i).participantId();
                    if (!directory.participantExists(participant)) {
                        throw new LedgerRejection(
                                ErrorCode.UNKNOWN_PARTICIPANT,
                                "lines[" + i + "].participantId",
                                "no participant " + participant);
                    }
                }
                if (directory.assessmentOrReferenceTaken(id, reference)) {
                    if (directory.debtorOfAssessment(id).isPresent()) {
                        throw new LedgerRejection(ErrorCode.DUPLICATE_ASSESSMENT, "assessment " + id + " is imposed");
                    }
                    throw Fields.invalid("paymentReference", "payment reference " + reference + " is already in use");
                }
                return new ImposeAssessment(
                        debtor, id, issued, due, reference, specs, booked, validKind, belongsToAssessmentId);
            };
        }

        /** Every line valid, each line id once; a refusal names the line by its index ({@code lines[1].amount}). */
        private List<LineSpec> validLines() {
            List<LineSpec> specs = new ArrayList<>();
            Set<String> lineIds = new HashSet<>();
            List<LineRequest> sent = nonEmpty("lines", lines);
            for (int i = 0; i < sent.size(); i++) {
                String path = "lines[" + i + "]";
                LineSpec spec = required(path, sent.get(i)).validate(path + ".");
                if (!lineIds.add(spec.lineId())) {
                    throw Fields.invalid(path + ".lineId", "line " + spec.lineId() + " appears twice");
                }
                specs.add(spec);
            }
            return specs;
        }
    }

    public record ChargeCostsRequest(
            String commandId,
            String assessmentId,
            String costId,
            String kind,
            String amount,
            String date,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String item = required("costId", costId);
            String validKind = required("kind", kind);
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            return Routes.onAssessment(
                    assessmentId, (debtor, id) -> new ChargeCosts(debtor, id, item, validKind, cents, on, booked));
        }
    }

    public record CancelCostsRequest(
            String commandId,
            String assessmentId,
            String costId,
            String decisionDate,
            String reason,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            return Routes.onItem(
                    assessmentId,
                    "costId",
                    costId,
                    Fields.date("decisionDate", decisionDate),
                    (debtor, id, item, decided) -> new CancelCosts(debtor, id, item, decided, reason, booked));
        }
    }

    public record CancelInterestRequest(
            String commandId,
            String assessmentId,
            String interestId,
            String decisionDate,
            String reason,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            return Routes.onItem(
                    assessmentId,
                    "interestId",
                    interestId,
                    Fields.date("decisionDate", decisionDate),
                    (debtor, id, item, decided) -> new CancelInterest(debtor, id, item, decided, reason, booked));
        }
    }

    public record ChargeInterestRequest(
            String commandId, String assessmentId, String interestId, String amount, String date, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String item = required("interestId", interestId);
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            return Routes.onAssessment(
                    assessmentId, (debtor, id) -> new ChargeInterest(debtor, id, item, cents, on, booked));
        }
    }

    /** {@code currency} is optional and only {@code EUR}; {@code channel} defaults to {@code TRANSFER}. */
    public record ReceivePaymentRequest(
            String commandId,
            String paymentId,
            String amount,
            @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
            String valueDate,
            String reference,
            String debtorId,
            String counterpartyIban,
            String channel,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("paymentId", paymentId);
            long cents = positiveCents("amount", amount);
            Fields.euro("currency", currency);
            LocalDate value = Fields.date("valueDate", valueDate);
            String account = counterpartyIban == null ? null : Fields.iban("counterpartyIban", counterpartyIban);
            PaymentChannel via =
                    channel == null ? PaymentChannel.TRANSFER : oneOf("channel", PaymentChannel.class, channel);
            return d -> {
                if (d.payment(id).isPresent()) {
                    throw new LedgerRejection(ErrorCode.DUPLICATE_PAYMENT, "payment " + id + " is already booked");
                }
                String counterpartyRef = account == null ? null : d.registerCounterparty(account);
                PaymentRouting.Route route = PaymentRouting.payment(debtorId, reference, Routes.lookups(d));
                String debtor = PaymentRouting.debtor(route);
                if (debtor == null) {
                    return new HoldUnmatchedPayment(id, cents, value, reference, via, counterpartyRef, booked);
                }
                return new ReceivePayment(
                        debtor,
                        id,
                        cents,
                        value,
                        PaymentRouting.directedAssessment(route),
                        reference,
                        via,
                        counterpartyRef,
                        booked);
            };
        }
    }

    public record AssignUnmatchedPaymentRequest(
            String commandId, String paymentId, String debtorId, String reference, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("paymentId", paymentId);
            String debtor = required("debtorId", debtorId);
            return d -> {
                Directory.PaymentRef payment = d.payment(id)
                        .filter(Directory.PaymentRef::inSuspense)
                        .orElseThrow(() ->
                                new LedgerRejection(ErrorCode.UNKNOWN_PAYMENT, "no payment " + id + " in suspense"));
                Routes.knownDebtor(d, debtor);
                return new AssignUnmatchedPayment(
                        payment.paymentId(), debtor, Routes.directedAssessment(d, debtor, reference), booked);
            };
        }
    }

    public record ReversePaymentRequest(
            String commandId, String paymentId, String valueDate, String reasonCode, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("paymentId", paymentId);
            LocalDate value = Fields.date("valueDate", valueDate);
            String reason = required("reasonCode", reasonCode);
            return d -> {
                Directory.PaymentRef payment = d.payment(id)
                        .orElseThrow(() -> new LedgerRejection(ErrorCode.UNKNOWN_PAYMENT, "no payment " + id));
                return payment.inSuspense()
                        ? new ReverseUnmatchedPayment(id, value, reason, booked)
                        : new ReversePayment(payment.debtorId(), id, value, reason, booked);
            };
        }
    }

    public record ReduceAssessmentRequest(
            String commandId,
            String assessmentId,
            String lineId,
            String kind,
            String amount,
            String decisionDate,
            String reason,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            ReductionKind validKind = oneOf("kind", ReductionKind.class, kind);
            return Routes.onLine(
                    assessmentId,
                    lineId,
                    amount,
                    decisionDate,
                    (debtor, id, line) -> new ReduceAssessment(
                            debtor, id, line.lineId(), validKind, line.cents(), line.decided(), reason, booked));
        }
    }

    public record GrantRemissionRequest(
            String commandId,
            String assessmentId,
            String lineId,
            String component,
            String amount,
            String decisionDate,
            String reason,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            Component validComponent = oneOf("component", Component.class, component);
            if (validComponent == Component.PRINCIPAL) {
                required("lineId", lineId);
            }
            long cents = positiveCents("amount", amount);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            return Routes.onAssessment(
                    assessmentId,
                    (debtor, id) ->
                            new GrantRemission(debtor, id, lineId, validComponent, cents, decided, reason, booked));
        }
    }

    public record WriteOffUncollectibleRequest(
            String commandId,
            String assessmentId,
            String lineId,
            String amount,
            String decisionDate,
            String reasonCode,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String reason = required("reasonCode", reasonCode);
            return Routes.onLine(
                    assessmentId,
                    lineId,
                    amount,
                    decisionDate,
                    (debtor, id, line) -> new WriteOffUncollectible(
                            debtor, id, line.lineId(), line.cents(), line.decided(), reason, booked));
        }
    }

    public record ReinstateUncollectibleRequest(
            String commandId,
            String assessmentId,
            String lineId,
            String amount,
            String decisionDate,
            String reason,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            return Routes.onLine(
                    assessmentId,
                    lineId,
                    amount,
                    decisionDate,
                    (debtor, id, line) -> new ReinstateUncollectible(
                            debtor, id, line.lineId(), line.cents(), line.decided(), reason, booked));
        }
    }

    public record OffsetCreditRequest(
            String commandId, String debtorId, String amount, String date, String reference, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            return Routes.onDebtor(
                    debtorId,
                    (debtor, d) -> new OffsetCredit(
                            debtor, cents, on, Routes.directedAssessment(d, debtor, reference), reference, booked));
        }
    }

    /** The refund's id is its commandId. */
    public record PayRefundRequest(
            String commandId, String debtorId, String amount, String valueDate, String iban, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            long cents = positiveCents("amount", amount);
            LocalDate value = Fields.date("valueDate", valueDate);
            String account = Fields.iban("iban", iban);
            String refundId = required("commandId", commandId);
            return Routes.onDebtor(
                    debtorId,
                    (debtor, d) ->
                            new PayRefund(debtor, refundId, cents, value, d.registerCounterparty(account), booked));
        }
    }

    public record GrantDeferralRequest(
            String commandId,
            String debtorId,
            String deferralId,
            String kind,
            String assessmentId,
            String from,
            String until,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("deferralId", deferralId);
            DeferralKind validKind = oneOf("kind", DeferralKind.class, kind);
            LocalDate start = Fields.date("from", from);
            LocalDate end = Fields.date("until", until);
            if (end.isBefore(start)) {
                throw Fields.invalid("until", "deferral ends (" + end + ") before it starts (" + start + ")");
            }
            return Routes.onDebtor(debtorId, (debtor, d) -> {
                if (assessmentId != null) {
                    Routes.ofDebtor(d, assessmentId, debtor);
                }
                return new GrantDeferral(debtor, id, validKind, assessmentId, start, end, booked);
            });
        }
    }

    public record EndDeferralRequest(
            String commandId, String debtorId, String deferralId, String date, String reason, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("deferralId", deferralId);
            LocalDate on = Fields.date("date", date);
            return Routes.onDebtor(debtorId, (debtor, d) -> new EndDeferral(debtor, id, on, reason, booked));
        }
    }

    public record TermRequest(String dueDate, String amount) {
        /** {@code path} names this term in a refusal ({@code terms[1].}). */
        ArrangementTerm validate(String path) {
            LocalDate due = Fields.date(path + "dueDate", dueDate);
            return new ArrangementTerm(due, positiveCents(path + "amount", amount));
        }
    }

    public record AgreePaymentArrangementRequest(
            String commandId,
            String debtorId,
            String arrangementId,
            List<String> assessmentIds,
            List<TermRequest> terms,
            String agreedDate,
            String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("arrangementId", arrangementId);
            List<String> assessments = List.copyOf(nonEmpty("assessmentIds", assessmentIds));
            List<ArrangementTerm> validTerms = new ArrayList<>();
            List<TermRequest> sent = nonEmpty("terms", terms);
            for (int i = 0; i < sent.size(); i++) {
                String path = "terms[" + i + "]";
                validTerms.add(required(path, sent.get(i)).validate(path + "."));
            }
            LocalDate agreed = Fields.date("agreedDate", agreedDate);
            ArrangementTerms.check(agreed, validTerms);
            return Routes.onDebtor(debtorId, (debtor, d) -> {
                for (int i = 0; i < assessments.size(); i++) {
                    Routes.ofDebtor(d, assessments.get(i), debtor, "assessmentIds[" + i + "]");
                }
                return new AgreePaymentArrangement(debtor, id, assessments, validTerms, agreed, booked);
            });
        }
    }

    public record RecordArrangementTermMissedRequest(
            String commandId, String debtorId, String arrangementId, String termDueDate, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("arrangementId", arrangementId);
            LocalDate due = Fields.date("termDueDate", termDueDate);
            return Routes.onDebtor(debtorId, (debtor, d) -> new RecordArrangementTermMissed(debtor, id, due, booked));
        }
    }

    public record EndPaymentArrangementRequest(
            String commandId, String debtorId, String arrangementId, String outcome, String date, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("arrangementId", arrangementId);
            ArrangementOutcome validOutcome = oneOf("outcome", ArrangementOutcome.class, outcome);
            LocalDate on = Fields.date("date", date);
            return Routes.onDebtor(
                    debtorId, (debtor, d) -> new EndPaymentArrangement(debtor, id, validOutcome, on, booked));
        }
    }

    public record RegisterDirectDebitMandateRequest(
            String commandId, String debtorId, String mandateId, String iban, String signedDate, String bookingDate)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("mandateId", mandateId);
            String account = Fields.iban("iban", iban);
            LocalDate signed = Fields.date("signedDate", signedDate);
            return Routes.onDebtor(
                    debtorId,
                    (debtor, d) -> new RegisterDirectDebitMandate(
                            debtor, id, d.registerCounterparty(account), signed, booked));
        }
    }

    public record RecordDirectDebitFailureRequest(
            String commandId,
            String debtorId,
            String mandateId,
            String collectionDate,
            String reasonCode,
            String bookingDate,
            String endToEndId)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("mandateId", mandateId);
            LocalDate collected = Fields.date("collectionDate", collectionDate);
            String reason = required("reasonCode", reasonCode);
            return Routes.onDebtor(
                    debtorId,
                    (debtor, d) -> new RecordDirectDebitFailure(
                            debtor, id, collected, reason, booked, endToEndId, lastTermOf(d, id)));
        }

        /**
         * The assessment whose last term the failed transaction was (the run froze its term number and count), so
         * the ledger lets its remaining debt fall due; null for another term, or a transaction not of our runs.
         */
        private String lastTermOf(Directory directory, String mandate) {
            return directory
                    .runCollection(endToEndId)
                    .filter(collection -> {
                        if (!collection.mandateId().equals(mandate)) {
                            throw Fields.invalid(
                                    "mandateId",
                                    endToEndId + " was collected under " + collection.mandateId() + ", not " + mandate);
                        }
                        return collection.termNumber() == collection.termCount();
                    })
                    .map(Directory.RunCollection::assessmentId)
                    .orElse(null);
        }
    }

    /**
     * {@code reason}: {@code REVOKED} (by the debtor, art. 14) or {@code ENDED_BY_COLLECTOR} (art. 8.2), which needs
     * an {@code explanation}. The other ends ({@code THREE_FAILURES}, {@code REPLACED}) follow from the ledger's rules.
     */
    public record EndDirectDebitMandateRequest(
            String commandId,
            String debtorId,
            String mandateId,
            String reason,
            String date,
            String bookingDate,
            String explanation)
            implements LedgerRequest {
        public Routed validate(LocalDate booked) {
            String id = required("mandateId", mandateId);
            MandateEndReason why = oneOf("reason", MandateEndReason.class, reason);
            if (!why.byHand()) {
                throw Fields.invalid(
                        "reason", "a mandate is ended by hand as REVOKED or ENDED_BY_COLLECTOR, not " + reason);
            }
            if (why == MandateEndReason.ENDED_BY_COLLECTOR) {
                required("explanation", explanation);
            }
            LocalDate on = Fields.date("date", date);
            if (on.isAfter(booked)) {
                throw Fields.invalid("date", "a mandate ends on or before the booking date " + booked + ": " + on);
            }
            return Routes.onDebtor(
                    debtorId,
                    (debtor, d) -> new EndDirectDebitMandate(debtor, id, why.name(), on, booked, explanation));
        }
    }
}
