package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.taxledger.service.security.Principals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per command, taking the JSON shapes of the scenario README. Who is the signed-in
 * principal; why and source travel in the headers {@code X-Ledger-Why}, {@code X-Ledger-Source}.
 * A re-send with the same commandId answers the first result with
 * {@code Idempotent-Replayed: true}.
 */
@RestController
@RequestMapping("/api/commands")
@Tag(name = "commands")
class CommandController {
    /** Free text (why, source) at most 500 characters: domain.md §12. */
    static final int MAX_FREE_TEXT = 500;
    private final CommandService service;

    CommandController(CommandService service) {
        this.service = service;
    }

    @PostMapping("/RegisterParticipant")
    @Operation(summary = "RegisterParticipant")
    ResponseEntity<CommandOutcome> registerParticipant(@RequestBody Requests.RegisterParticipantRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("RegisterParticipant", body, actor(headers)));
    }

    @PostMapping("/ImposeAssessment")
    @Operation(summary = "ImposeAssessment")
    ResponseEntity<CommandOutcome> imposeAssessment(@RequestBody Requests.ImposeAssessmentRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ImposeAssessment", body, actor(headers)));
    }

    @PostMapping("/ChargeCosts")
    @Operation(summary = "ChargeCosts")
    ResponseEntity<CommandOutcome> chargeCosts(@RequestBody Requests.ChargeCostsRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ChargeCosts", body, actor(headers)));
    }

    @PostMapping("/CancelCosts")
    @Operation(summary = "CancelCosts")
    ResponseEntity<CommandOutcome> cancelCosts(@RequestBody Requests.CancelCostsRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("CancelCosts", body, actor(headers)));
    }

    @PostMapping("/ChargeInterest")
    @Operation(summary = "ChargeInterest")
    ResponseEntity<CommandOutcome> chargeInterest(@RequestBody Requests.ChargeInterestRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ChargeInterest", body, actor(headers)));
    }

    @PostMapping("/CancelInterest")
    @Operation(summary = "CancelInterest")
    ResponseEntity<CommandOutcome> cancelInterest(@RequestBody Requests.CancelInterestRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("CancelInterest", body, actor(headers)));
    }

    @PostMapping("/ReceivePayment")
    @Operation(summary = "ReceivePayment")
    ResponseEntity<CommandOutcome> receivePayment(@RequestBody Requests.ReceivePaymentRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ReceivePayment", body, actor(headers)));
    }

    @PostMapping("/AssignUnmatchedPayment")
    @Operation(summary = "AssignUnmatchedPayment")
    ResponseEntity<CommandOutcome> assignUnmatchedPayment(@RequestBody Requests.AssignUnmatchedPaymentRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("AssignUnmatchedPayment", body, actor(headers)));
    }

    @PostMapping("/ReversePayment")
    @Operation(summary = "ReversePayment")
    ResponseEntity<CommandOutcome> reversePayment(@RequestBody Requests.ReversePaymentRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ReversePayment", body, actor(headers)));
    }

    @PostMapping("/ReduceAssessment")
    @Operation(summary = "ReduceAssessment")
    ResponseEntity<CommandOutcome> reduceAssessment(@RequestBody Requests.ReduceAssessmentRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ReduceAssessment", body, actor(headers)));
    }

    @PostMapping("/GrantRemission")
    @Operation(summary = "GrantRemission")
    ResponseEntity<CommandOutcome> grantRemission(@RequestBody Requests.GrantRemissionRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("GrantRemission", body, actor(headers)));
    }

    @PostMapping("/WriteOffUncollectible")
    @Operation(summary = "WriteOffUncollectible")
    ResponseEntity<CommandOutcome> writeOffUncollectible(@RequestBody Requests.WriteOffUncollectibleRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("WriteOffUncollectible", body, actor(headers)));
    }

    @PostMapping("/ReinstateUncollectible")
    @Operation(summary = "ReinstateUncollectible")
    ResponseEntity<CommandOutcome> reinstateUncollectible(@RequestBody Requests.ReinstateUncollectibleRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ReinstateUncollectible", body, actor(headers)));
    }

    @PostMapping("/OffsetCredit")
    @Operation(summary = "OffsetCredit")
    ResponseEntity<CommandOutcome> offsetCredit(@RequestBody Requests.OffsetCreditRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("OffsetCredit", body, actor(headers)));
    }

    @PostMapping("/PayRefund")
    @Operation(summary = "PayRefund")
    ResponseEntity<CommandOutcome> payRefund(@RequestBody Requests.PayRefundRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("PayRefund", body, actor(headers)));
    }

    @PostMapping("/GrantDeferral")
    @Operation(summary = "GrantDeferral")
    ResponseEntity<CommandOutcome> grantDeferral(@RequestBody Requests.GrantDeferralRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("GrantDeferral", body, actor(headers)));
    }

    @PostMapping("/EndDeferral")
    @Operation(summary = "EndDeferral")
    ResponseEntity<CommandOutcome> endDeferral(@RequestBody Requests.EndDeferralRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("EndDeferral", body, actor(headers)));
    }

    @PostMapping("/AgreePaymentArrangement")
    @Operation(summary = "AgreePaymentArrangement")
    ResponseEntity<CommandOutcome> agreePaymentArrangement(@RequestBody Requests.AgreePaymentArrangementRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("AgreePaymentArrangement", body, actor(headers)));
    }

    @PostMapping("/RecordArrangementTermMissed")
    @Operation(summary = "RecordArrangementTermMissed")
    ResponseEntity<CommandOutcome> recordArrangementTermMissed(@RequestBody Requests.RecordArrangementTermMissedRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("RecordArrangementTermMissed", body, actor(headers)));
    }

    @PostMapping("/EndPaymentArrangement")
    @Operation(summary = "EndPaymentArrangement")
    ResponseEntity<CommandOutcome> endPaymentArrangement(@RequestBody Requests.EndPaymentArrangementRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("EndPaymentArrangement", body, actor(headers)));
    }

    @PostMapping("/RegisterDirectDebitMandate")
    @Operation(summary = "RegisterDirectDebitMandate")
    ResponseEntity<CommandOutcome> registerDirectDebitMandate(@RequestBody Requests.RegisterDirectDebitMandateRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("RegisterDirectDebitMandate", body, actor(headers)));
    }

    @PostMapping("/RecordDirectDebitFailure")
    @Operation(summary = "RecordDirectDebitFailure")
    ResponseEntity<CommandOutcome> recordDirectDebitFailure(@RequestBody Requests.RecordDirectDebitFailureRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("RecordDirectDebitFailure", body, actor(headers)));
    }

    @PostMapping("/EndDirectDebitMandate")
    @Operation(summary = "EndDirectDebitMandate")
    ResponseEntity<CommandOutcome> endDirectDebitMandate(@RequestBody Requests.EndDirectDebitMandateRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("EndDirectDebitMandate", body, actor(headers)));
    }

    @PostMapping("/IssueRemittance")
    @Operation(summary = "IssueRemittance")
    ResponseEntity<CommandOutcome> issueRemittance(@RequestBody RemittanceRequests.IssueRemittanceRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("IssueRemittance", body, actor(headers)));
    }

    @PostMapping("/ChangeRemittancePolicy")
    @Operation(summary = "ChangeRemittancePolicy")
    ResponseEntity<CommandOutcome> changeRemittancePolicy(@RequestBody RemittanceRequests.ChangeRemittancePolicyRequest body, @RequestHeader HttpHeaders headers) {
        return respond(service.submit("ChangeRemittancePolicy", body, actor(headers)));
    }

    /** {@code who} is the signed-in principal, never a header; why and source are bounded (domain.md §12). */
    static Actor actor(HttpHeaders headers) {
        String source = headers.getFirst("X-Ledger-Source");
        return new Actor(Principals.currentName(), bounded("X-Ledger-Why", headers.getFirst("X-Ledger-Why")),
                source == null ? "api" : bounded("X-Ledger-Source", source));
    }

    private static String bounded(String header, String value) {
        if (value != null && value.length() > MAX_FREE_TEXT) {
            throw Fields.invalid(header + ": at most " + MAX_FREE_TEXT + " characters");
        }
        return value;
    }

    private static ResponseEntity<CommandOutcome> respond(CommandOutcome outcome) {
        return ResponseEntity.ok().header("Idempotent-Replayed", Boolean.toString(outcome.replayed())).body(outcome);
    }
}
