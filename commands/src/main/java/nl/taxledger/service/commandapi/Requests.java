package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.nonEmpty;
import static nl.taxledger.service.commandapi.Fields.oneOf;
import static nl.taxledger.service.commandapi.Fields.positiveCents;
import static nl.taxledger.service.commandapi.Fields.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.AgreePaymentArrangement;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.ArrangementTerm;
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
import nl.taxledger.ledger.api.OffsetCredit;
import nl.taxledger.ledger.api.PayRefund;
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
import nl.taxledger.service.lookup.Directory;

/**
 * The command shapes of the public API, one record per command type. Amounts and dates are
 * strings so that a malformed value is a {@code VALIDATION_FAILED}, not a parse error.
 */
public final class Requests {
    private Requests() {
    }

    /** Command type name (the {@code type} field of NDJSON, the path of REST) → request shape. */
    public static final Map<String, Class<? extends LedgerRequest>> TYPES = Map.ofEntries(
            Map.entry("RegisterParticipant", RegisterParticipantRequest.class),
            Map.entry("ClosePeriod", ClosePeriodRequest.class),
            Map.entry("ImposeAssessment", ImposeAssessmentRequest.class),
            Map.entry("ChargeCosts", ChargeCostsRequest.class),
            Map.entry("CancelCosts", CancelCostsRequest.class),
            Map.entry("ChargeInterest", ChargeInterestRequest.class),
            Map.entry("CancelInterest", CancelInterestRequest.class),
            Map.entry("ReceivePayment", ReceivePaymentRequest.class),
            Map.entry("AssignUnmatchedPayment", AssignUnmatchedPaymentRequest.class),
            Map.entry("ReversePayment", ReversePaymentRequest.class),
            Map.entry("ReduceAssessment", ReduceAssessmentRequest.class),
            Map.entry("GrantRemission", GrantRemissionRequest.class),
            Map.entry("WriteOffUncollectible", WriteOffUncollectibleRequest.class),
            Map.entry("ReinstateUncollectible", ReinstateUncollectibleRequest.class),
            Map.entry("OffsetCredit", OffsetCreditRequest.class),
            Map.entry("PayRefund", PayRefundRequest.class),
            Map.entry("GrantDeferral", GrantDeferralRequest.class),
            Map.entry("EndDeferral", EndDeferralRequest.class),
            Map.entry("AgreePaymentArrangement", AgreePaymentArrangementRequest.class),
            Map.entry("RecordArrangementTermMissed", RecordArrangementTermMissedRequest.class),
            Map.entry("EndPaymentArrangement", EndPaymentArrangementRequest.class),
            Map.entry("RegisterDirectDebitMandate", RegisterDirectDebitMandateRequest.class),
            Map.entry("RecordDirectDebitFailure", RecordDirectDebitFailureRequest.class),
            Map.entry("EndDirectDebitMandate", EndDirectDebitMandateRequest.class),
            Map.entry("IssueRemittance", RemittanceRequests.IssueRemittanceRequest.class),
            Map.entry("ChangeRemittancePolicy", RemittanceRequests.ChangeRemittancePolicyRequest.class),
            Map.entry("RegisterBankAccount", BankRequests.RegisterBankAccountRequest.class));

    public record RegisterParticipantRequest(String commandId, String participantId, String name, String iban,
                                             String schedule, String reserveRate, Integer reserveYears,
                                             String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("participantId", participantId);
            String validIban = Fields.iban("iban", iban);
            RemittanceSchedule validSchedule = schedule == null ? RemittanceSchedule.WEEKLY
                    : oneOf("schedule", RemittanceSchedule.class, schedule);
            BigDecimal rate = reserveRate == null ? new BigDecimal("0.005") : Fields.rate("reserveRate", reserveRate);
            int years = reserveYears == null ? 4 : reserveYears;
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0 || years < 0) {
                throw Fields.invalid("reserveRate must be in [0, 1) and reserveYears not negative");
            }
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            String validName = required("name", name);
            return directory -> {
                if (directory.participantExists(id)) {
                    throw new LedgerRejection(ErrorCode.DUPLICATE_PARTICIPANT, "participant " + id + " exists");
                }
                return new RegisterParticipant(id, validName, validIban, validSchedule, rate, years, booked);
            };
        }
    }

    /** Closing the books through a date is itself a booking: dated, and refused inside a closed period. */
    public record ClosePeriodRequest(String commandId, String through, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            LocalDate closeThrough = Fields.date("through", through);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            if (!closeThrough.isBefore(booked)) {
                throw Fields.invalid("through " + closeThrough + " must lie before the booking date " + booked);
            }
            return d -> new ClosePeriod(ClosePeriod.LEDGER, closeThrough, booked);
        }
    }

    public record LineRequest(String lineId, String participantId, String taxType, Integer taxYear, String amount) {
        LineSpec validate() {
            Integer year = required("taxYear", taxYear);
            if (year < 1900 || year > 2999) {
                throw Fields.invalid("taxYear out of range: " + year);
            }
            return new LineSpec(required("lineId", lineId), required("participantId", participantId),
                    required("taxType", taxType), year, positiveCents("amount", amount));
        }
    }

    public record ImposeAssessmentRequest(String commandId, String assessmentId, String debtorId, String issueDate,
                                          String dueDate, String paymentReference, List<LineRequest> lines,
                                          String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String debtor = required("debtorId", debtorId);
            LocalDate issued = Fields.date("issueDate", issueDate);
            LocalDate due = Fields.date("dueDate", dueDate);
            List<LineSpec> specs = new ArrayList<>();
            for (LineRequest line : nonEmpty("lines", lines)) {
                specs.add(required("lines[]", line).validate());
            }
            String reference = paymentReference == null ? id : paymentReference;
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return directory -> {
                for (LineSpec spec : specs) {
                    if (!directory.participantExists(spec.participantId())) {
                        throw new LedgerRejection(ErrorCode.UNKNOWN_PARTICIPANT, "no participant " + spec.participantId());
                    }
                }
                if (directory.assessmentOrReferenceTaken(id, reference)) {
                    if (directory.debtorOfAssessment(id).isPresent()) {
                        throw new LedgerRejection(ErrorCode.DUPLICATE_ASSESSMENT, "assessment " + id + " is already imposed");
                    }
                    throw Fields.invalid("payment reference " + reference + " is already in use");
                }
                return new ImposeAssessment(debtor, id, issued, due, reference, specs, booked);
            };
        }
    }

    public record ChargeCostsRequest(String commandId, String assessmentId, String costId, String kind, String amount,
                                     String date, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String item = required("costId", costId);
            String validKind = required("kind", kind);
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new ChargeCosts(Routes.debtorOfAssessment(d, id), id, item, validKind, cents, on, booked);
        }
    }

    public record CancelCostsRequest(String commandId, String assessmentId, String costId, String decisionDate,
                                     String reason, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String item = required("costId", costId);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new CancelCosts(Routes.debtorOfAssessment(d, id), id, item, decided, reason, booked);
        }
    }

    public record ChargeInterestRequest(String commandId, String assessmentId, String interestId, String amount,
                                        String date, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String item = required("interestId", interestId);
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new ChargeInterest(Routes.debtorOfAssessment(d, id), id, item, cents, on, booked);
        }
    }

    public record CancelInterestRequest(String commandId, String assessmentId, String interestId, String decisionDate,
                                        String reason, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String item = required("interestId", interestId);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new CancelInterest(Routes.debtorOfAssessment(d, id), id, item, decided, reason, booked);
        }
    }

    public record ReceivePaymentRequest(String commandId, String paymentId, String amount, String valueDate,
                                        String reference, String debtorId, String counterpartyIban, String channel,
                                        String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("paymentId", paymentId);
            long cents = positiveCents("amount", amount);
            LocalDate value = Fields.date("valueDate", valueDate);
            String account = counterpartyIban == null ? null : Fields.iban("counterpartyIban", counterpartyIban);
            String via = channel == null ? "TRANSFER" : channel;
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> route(d, id, cents, value, account, via, booked);
        }

        private Object route(Directory d, String id, long cents, LocalDate value, String account, String via, LocalDate booked) {
            if (d.payment(id).isPresent()) {
                throw new LedgerRejection(ErrorCode.DUPLICATE_PAYMENT, "payment " + id + " is already booked");
            }
            String counterpartyRef = account == null ? null : d.registerCounterparty(account);
            String debtor = debtorId != null ? Routes.knownDebtor(d, debtorId) : resolveDebtor(d);
            if (debtor == null) {
                return new HoldUnmatchedPayment(id, cents, value, reference, via, counterpartyRef, booked);
            }
            return new ReceivePayment(debtor, id, cents, value, Routes.directedAssessment(d, debtor, reference),
                    reference, via, counterpartyRef, booked);
        }

        /** The reference is an assessment's payment reference, or a debtor id (subject number). */
        private String resolveDebtor(Directory d) {
            if (reference == null) {
                return null;
            }
            return d.assessmentByPaymentReference(reference).map(Directory.AssessmentRef::debtorId)
                    .orElse(d.debtorExists(reference) ? reference : null);
        }
    }

    public record AssignUnmatchedPaymentRequest(String commandId, String paymentId, String debtorId, String reference,
                                                String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("paymentId", paymentId);
            String debtor = required("debtorId", debtorId);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> {
                Directory.PaymentRef payment = d.payment(id).filter(Directory.PaymentRef::inSuspense).orElseThrow(
                        () -> new LedgerRejection(ErrorCode.UNKNOWN_PAYMENT, "no payment " + id + " in suspense"));
                Routes.knownDebtor(d, debtor);
                return new AssignUnmatchedPayment(payment.paymentId(), debtor, Routes.directedAssessment(d, debtor, reference), booked);
            };
        }
    }

    public record ReversePaymentRequest(String commandId, String paymentId, String valueDate, String reasonCode,
                                        String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("paymentId", paymentId);
            LocalDate value = Fields.date("valueDate", valueDate);
            String reason = required("reasonCode", reasonCode);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> {
                Directory.PaymentRef payment = d.payment(id).orElseThrow(
                        () -> new LedgerRejection(ErrorCode.UNKNOWN_PAYMENT, "no payment " + id));
                return payment.inSuspense() ? new ReverseUnmatchedPayment(id, value, reason, booked)
                        : new ReversePayment(payment.debtorId(), id, value, reason, booked);
            };
        }
    }

    public record ReduceAssessmentRequest(String commandId, String assessmentId, String lineId, String kind,
                                          String amount, String decisionDate, String reason,
                                          String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String line = required("lineId", lineId);
            ReductionKind validKind = oneOf("kind", ReductionKind.class, kind);
            long cents = positiveCents("amount", amount);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new ReduceAssessment(Routes.debtorOfAssessment(d, id), id, line, validKind, cents, decided, reason, booked);
        }
    }

    public record GrantRemissionRequest(String commandId, String assessmentId, String lineId, String component,
                                        String amount, String decisionDate, String reason,
                                        String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            Component validComponent = oneOf("component", Component.class, component);
            if (validComponent == Component.PRINCIPAL) {
                required("lineId", lineId);
            }
            long cents = positiveCents("amount", amount);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new GrantRemission(Routes.debtorOfAssessment(d, id), id, lineId, validComponent, cents, decided, reason, booked);
        }
    }

    public record WriteOffUncollectibleRequest(String commandId, String assessmentId, String lineId, String amount,
                                               String decisionDate, String reasonCode,
                                               String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String line = required("lineId", lineId);
            long cents = positiveCents("amount", amount);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            String reason = required("reasonCode", reasonCode);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new WriteOffUncollectible(Routes.debtorOfAssessment(d, id), id, line, cents, decided, reason, booked);
        }
    }

    public record ReinstateUncollectibleRequest(String commandId, String assessmentId, String lineId, String amount,
                                                String decisionDate, String reason,
                                                String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String id = required("assessmentId", assessmentId);
            String line = required("lineId", lineId);
            long cents = positiveCents("amount", amount);
            LocalDate decided = Fields.date("decisionDate", decisionDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new ReinstateUncollectible(Routes.debtorOfAssessment(d, id), id, line, cents, decided, reason, booked);
        }
    }

    public record OffsetCreditRequest(String commandId, String debtorId, String amount, String date, String reference,
                                      String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            long cents = positiveCents("amount", amount);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new OffsetCredit(Routes.knownDebtor(d, debtor), cents, on,
                    Routes.directedAssessment(d, debtor, reference), reference, booked);
        }
    }

    public record PayRefundRequest(String commandId, String debtorId, String amount, String valueDate, String iban,
                                   String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            long cents = positiveCents("amount", amount);
            LocalDate value = Fields.date("valueDate", valueDate);
            String account = Fields.iban("iban", iban);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            String refundId = required("commandId", commandId);
            return d -> new PayRefund(Routes.knownDebtor(d, debtor), refundId, cents, value, d.registerCounterparty(account), booked);
        }
    }

    public record GrantDeferralRequest(String commandId, String debtorId, String deferralId, String kind,
                                       String assessmentId, String from, String until,
                                       String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("deferralId", deferralId);
            DeferralKind validKind = oneOf("kind", DeferralKind.class, kind);
            LocalDate start = Fields.date("from", from);
            LocalDate end = Fields.date("until", until);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> {
                if (assessmentId != null && !Routes.debtorOfAssessment(d, assessmentId).equals(debtor)) {
                    throw new LedgerRejection(ErrorCode.UNKNOWN_ASSESSMENT, "assessment " + assessmentId + " is not this debtor's");
                }
                return new GrantDeferral(Routes.knownDebtor(d, debtor), id, validKind, assessmentId, start, end, booked);
            };
        }
    }

    public record EndDeferralRequest(String commandId, String debtorId, String deferralId, String date, String reason,
                                     String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("deferralId", deferralId);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new EndDeferral(Routes.knownDebtor(d, debtor), id, on, reason, booked);
        }
    }

    public record TermRequest(String dueDate, String amount) {
        ArrangementTerm validate() {
            return new ArrangementTerm(Fields.date("terms[].dueDate", dueDate), positiveCents("terms[].amount", amount));
        }
    }

    public record AgreePaymentArrangementRequest(String commandId, String debtorId, String arrangementId,
                                                 List<String> assessmentIds, List<TermRequest> terms,
                                                 String agreedDate, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("arrangementId", arrangementId);
            List<String> assessments = List.copyOf(nonEmpty("assessmentIds", assessmentIds));
            List<ArrangementTerm> validTerms = new ArrayList<>();
            for (TermRequest term : nonEmpty("terms", terms)) {
                validTerms.add(required("terms[]", term).validate());
            }
            LocalDate agreed = Fields.date("agreedDate", agreedDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> {
                for (String assessment : assessments) {
                    if (!Routes.debtorOfAssessment(d, assessment).equals(debtor)) {
                        throw new LedgerRejection(ErrorCode.UNKNOWN_ASSESSMENT, "assessment " + assessment + " is not this debtor's");
                    }
                }
                return new AgreePaymentArrangement(Routes.knownDebtor(d, debtor), id, assessments, validTerms, agreed, booked);
            };
        }
    }

    public record RecordArrangementTermMissedRequest(String commandId, String debtorId, String arrangementId,
                                                     String termDueDate, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("arrangementId", arrangementId);
            LocalDate due = Fields.date("termDueDate", termDueDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new RecordArrangementTermMissed(Routes.knownDebtor(d, debtor), id, due, booked);
        }
    }

    public record EndPaymentArrangementRequest(String commandId, String debtorId, String arrangementId, String outcome,
                                               String date, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("arrangementId", arrangementId);
            ArrangementOutcome validOutcome = oneOf("outcome", ArrangementOutcome.class, outcome);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new EndPaymentArrangement(Routes.knownDebtor(d, debtor), id, validOutcome, on, booked);
        }
    }

    public record RegisterDirectDebitMandateRequest(String commandId, String debtorId, String mandateId, String iban,
                                                    String signedDate, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("mandateId", mandateId);
            String account = Fields.iban("iban", iban);
            LocalDate signed = Fields.date("signedDate", signedDate);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new RegisterDirectDebitMandate(Routes.knownDebtor(d, debtor), id, d.registerCounterparty(account), signed, booked);
        }
    }

    public record RecordDirectDebitFailureRequest(String commandId, String debtorId, String mandateId,
                                                  String collectionDate, String reasonCode,
                                                  String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("mandateId", mandateId);
            LocalDate collected = Fields.date("collectionDate", collectionDate);
            String reason = required("reasonCode", reasonCode);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new RecordDirectDebitFailure(Routes.knownDebtor(d, debtor), id, collected, reason, booked);
        }
    }

    public record EndDirectDebitMandateRequest(String commandId, String debtorId, String mandateId, String reason,
                                               String date, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate today) {
            String debtor = required("debtorId", debtorId);
            String id = required("mandateId", mandateId);
            LocalDate on = Fields.date("date", date);
            LocalDate booked = LedgerRequest.bookingDate(bookingDate, today);
            return d -> new EndDirectDebitMandate(Routes.knownDebtor(d, debtor), id, reason == null ? "REQUESTED" : reason, on, booked);
        }
    }
}
