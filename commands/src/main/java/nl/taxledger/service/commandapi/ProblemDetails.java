package nl.taxledger.service.commandapi;

import java.net.URI;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Rejections as {@code application/problem+json} (RFC 9457) with the stable {@code code} member. */
@RestControllerAdvice
class ProblemDetails {

    @ExceptionHandler(LedgerRejection.class)
    ProblemDetail rejected(LedgerRejection rejection) {
        ProblemDetail problem = problem(rejection.code(), rejection.getMessage());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return problem(
                ErrorCode.VALIDATION_FAILED,
                "request body is not the expected JSON: "
                        + unreadable.getMostSpecificCause().getMessage());
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
