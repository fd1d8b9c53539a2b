package nl.taxledger.service.commandapi;

import java.net.URI;
import java.util.UUID;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.eventstore.ReadModelBehind;
import org.slf4j.Logger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rejections as {@code application/problem+json} (RFC 9457) with the stable {@code code} member. A failure of the
 * server on the command path is a 500 problem too, with code {@link #SERVER_ERROR} and a reference to the log line
 * (not the exception's text), never a stack trace or a cut stream (§12).
 */
@RestControllerAdvice
class ProblemDetails {
    /** The code of a server failure: not one of the ledger's {@link ErrorCode}s, which are all the client's. */
    static final String SERVER_ERROR = "SERVER_ERROR";
    /** The code of a query whose read model did not reach the asked position in time: not the client's fault. */
    static final String READ_MODEL_BEHIND = "READ_MODEL_BEHIND";

    @ExceptionHandler(LedgerRejection.class)
    ProblemDetail rejected(LedgerRejection rejection) {
        ProblemDetail problem = problem(rejection.code(), rejection.getMessage());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return problem;
    }

    /**
     * A query's read model did not reach the asked minimum position in time (read-your-writes): 503, the service
     * cannot answer that yet, with {@code Retry-After} and how far each read model is. Not 409: nothing conflicts
     * with the request, and the same request succeeds unchanged once the read model has caught up.
     */
    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehind behind) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, behind.getMessage());
        problem.setType(URI.create("urn:taxledger:error:" + READ_MODEL_BEHIND));
        problem.setTitle(READ_MODEL_BEHIND);
        problem.setProperty("code", READ_MODEL_BEHIND);
        problem.setProperty("minPosition", behind.minPosition());
        problem.setProperty("waitedMs", behind.waitedMs());
        problem.setProperty("positions", behind.positions());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return problem(
                ErrorCode.VALIDATION_FAILED,
                "request body is not the expected JSON: "
                        + unreadable.getMostSpecificCause().getMessage());
    }

    /** Logs {@code failure} under a fresh reference and answers 500 with that reference. */
    static ResponseEntity<ProblemDetail> serverFailure(Logger log, String what, RuntimeException failure) {
        String reference = logFailure(log, what, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "server error (logged as " + reference + "); nothing of this request is stored");
        problem.setType(URI.create("urn:taxledger:error:" + SERVER_ERROR));
        problem.setTitle(SERVER_ERROR);
        problem.setProperty("code", SERVER_ERROR);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** The reference under which {@code failure} is logged, for the answer to name. */
    static String logFailure(Logger log, String what, RuntimeException failure) {
        String reference = UUID.randomUUID().toString();
        log.error("{} failed, reference {}", what, reference, failure);
        return reference;
    }

    static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(code), detail);
        problem.setType(URI.create("urn:taxledger:error:" + code.name()));
        problem.setTitle(code.name());
        problem.setProperty("code", code.name());
        return problem;
    }

    static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN, SAME_PERSON -> HttpStatus.FORBIDDEN;
            case UNKNOWN_DEBTOR,
                    UNKNOWN_ASSESSMENT,
                    UNKNOWN_LINE,
                    UNKNOWN_PAYMENT,
                    UNKNOWN_PARTICIPANT,
                    UNKNOWN_ITEM,
                    UNKNOWN_BANK_ACCOUNT -> HttpStatus.NOT_FOUND;
            case DUPLICATE_ASSESSMENT,
                    DUPLICATE_PAYMENT,
                    DUPLICATE_ITEM,
                    DUPLICATE_PARTICIPANT,
                    DUPLICATE_BANK_ACCOUNT,
                    PAYMENT_ALREADY_REVERSED,
                    REMITTANCE_ALREADY_ISSUED,
                    RUN_ALREADY_ISSUED,
                    COMMAND_ID_CONFLICT,
                    APPROVAL_REQUIRED -> HttpStatus.CONFLICT;
            case EXCEEDS_OPEN_AMOUNT,
                    EXCEEDS_LINE_AMOUNT,
                    INSUFFICIENT_CREDIT,
                    SET_OFF_BLOCKED_BY_MORATORIUM,
                    INVALID_STATE,
                    PERIOD_CLOSED,
                    STATEMENT_UNBALANCED,
                    STATEMENT_SEQUENCE_BROKEN -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
