package nl.taxledger.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code permits} bank-file imports at a time (API {@code POST /api/bank-statements} and the page
 * {@code POST /bankbestanden}): each holds its file (up to 100 MiB, §12) in memory several times over (the body,
 * the text, the parsed messages), so unbounded parallel uploads could exhaust the heap and stop every other request.
 * One more is answered at once with 503 and {@code Retry-After}, never queued: the clerk or the bank's transfer
 * sends it again, and importing is idempotent per transaction (§9). Runs after the front door, so a body that is too
 * large is refused (413) without taking a permit.
 */
final class ImportGate extends OncePerRequestFilter {
    static final Set<String> IMPORT_PATHS = Set.of("/api/bank-statements", "/bankbestanden");
    static final String RETRY_AFTER_SECONDS = "30";

    private final Semaphore imports;
    private final int permits;

    ImportGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("ledger.bank.concurrent-imports must be at least 1: " + permits);
        }
        this.permits = permits;
        this.imports = new Semaphore(permits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !IMPORT_PATHS.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!imports.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    null,
                    permits + " bank files are being imported already; send this one again in " + RETRY_AFTER_SECONDS
                            + " seconds (nothing of it was read or booked)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            imports.release();
        }
    }
}
