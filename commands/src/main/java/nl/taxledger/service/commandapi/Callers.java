package nl.taxledger.service.commandapi;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who sends a command over HTTP. The one place that derives the {@link Actor} of a request: today from the
 * headers {@code X-Ledger-Who}, {@code X-Ledger-Why} and {@code X-Ledger-Source} (source defaults to {@code api}).
 */
public final class Callers {
    static final String WHO = "X-Ledger-Who";
    static final String WHY = "X-Ledger-Why";
    static final String SOURCE = "X-Ledger-Source";
    /** Response header: {@code true} when the answer is the stored result of an earlier send. */
    static final String REPLAYED = "Idempotent-Replayed";

    private Callers() {
    }

    public static Actor actor(HttpServletRequest request) {
        String source = request.getHeader(SOURCE);
        return new Actor(request.getHeader(WHO), request.getHeader(WHY), source == null ? "api" : source);
    }
}
