package nl.taxledger.service.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the filter chain as {@code application/problem+json}, like every other refusal: 403 carries
 * the stable code {@code FORBIDDEN}; neither says anything about what was asked for.
 */
final class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** 401 with the challenge of the sign-in mode ({@code Basic realm="ledger"} or {@code Bearer}). */
    static AuthenticationEntryPoint unauthorized(String challenge) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(response, HttpStatus.UNAUTHORIZED, null, "sign in first: no valid credentials in this request");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> write(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "not allowed for this principal (role or participant scope)");
    }

    /** RFC 9457 members at the top level, like Spring MVC writes its ProblemDetail (code as an extension). */
    static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code == null ? "about:blank" : "urn:taxledger:error:" + code);
        problem.put("title", code == null ? status.getReasonPhrase() : code);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (code != null) {
            problem.put("code", code);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
