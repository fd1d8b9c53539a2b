package nl.taxledger.service.commandapi;

import jakarta.servlet.http.HttpServletRequest;
import nl.taxledger.service.security.Principals;

/**
 * Who sends a command over HTTP. The one place that derives the {@link Actor} of a request: {@code who} is the
 * signed-in principal, never a header (domain.md §11); why and source come from the headers {@code X-Ledger-Why}
 * and {@code X-Ledger-Source} (source defaults to {@code api}), at most 500 characters each (§12).
 */
public final class Callers {
    static final String WHY = "X-Ledger-Why";
    static final String SOURCE = "X-Ledger-Source";
    /** Response header: {@code true} when the answer is the stored result of an earlier send. */
    static final String REPLAYED = "Idempotent-Replayed";
    /** Free text (why, source) at most 500 characters: domain.md §12. */
    static final int MAX_FREE_TEXT = 500;

    private Callers() {
    }

    public static Actor actor(HttpServletRequest request) {
        String source = request.getHeader(SOURCE);
        return new Actor(Principals.currentName(), bounded(WHY, request.getHeader(WHY)),
                source == null ? "api" : bounded(SOURCE, source));
    }

    private static String bounded(String header, String value) {
        if (value != null && value.length() > MAX_FREE_TEXT) {
            throw Fields.invalid(header, header + ": at most " + MAX_FREE_TEXT + " characters");
        }
        return value;
    }
}
