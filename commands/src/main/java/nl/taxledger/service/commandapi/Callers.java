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

    private Callers() {}

    public static Actor actor(HttpServletRequest request) {
        String source = request.getHeader(SOURCE);
        return new Actor(
                Principals.currentName(),
                bounded(WHY, request.getHeader(WHY)),
                source == null ? "api" : bounded(SOURCE, source));
    }

    /** Free text of §12, as every command's free-text fields ({@link FieldBounds#text}). */
    private static String bounded(String header, String value) {
        if (value != null) {
            FieldBounds.text(header, value);
        }
        return value;
    }
}
