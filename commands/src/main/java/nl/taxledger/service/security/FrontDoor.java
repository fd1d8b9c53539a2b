package nl.taxledger.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bounds of domain.md §12 on what comes in, before any controller reads it: a request with a body has
 * exactly one of the three content types (else 415: no form post or {@code text/plain} "simple request" from
 * some web page gets through) and stays under its size: a JSON command 1 MiB, a bank file (XML) 100 MiB; larger is
 * 413. An NDJSON import is not cut here: its lines (at most 1 MiB each, at most 1,000,000) are bounded by the
 * import itself, which answers a line that is too long as refused and goes on with the next.
 */
final class FrontDoor extends OncePerRequestFilter {
    static final long MIB = 1024L * 1024L;
    static final long MAX_JSON_BYTES = MIB;
    static final long MAX_XML_BYTES = InputLimits.MAX_BANK_FILE_BYTES;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Map<MediaType, Long> BODY_LIMITS =
            Map.of(MediaType.APPLICATION_JSON, MAX_JSON_BYTES, MediaType.APPLICATION_XML, MAX_XML_BYTES);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        MediaType type = contentType(request);
        if (type == null && isPageForm(request)) {
            // a web page's form: CSRF-checked by its own filter chain (WebSignIn); the bank file upload is the largest
            if (request.getContentLengthLong() > MAX_XML_BYTES) {
                ProblemResponses.write(
                        response, HttpStatus.CONTENT_TOO_LARGE, null, "body larger than " + MAX_XML_BYTES + " bytes");
                return;
            }
            chain.doFilter(new Bounded(request, MAX_XML_BYTES), response);
            return;
        }
        if (type == null) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    null,
                    "Content-Type must be application/json, application/x-ndjson or application/xml");
            return;
        }
        if (NDJSON.equalsTypeAndSubtype(type)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = BODY_LIMITS.get(type);
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(
                    response, HttpStatus.CONTENT_TOO_LARGE, null, "body larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null
                || request.getContentType() != null;
    }

    /** A form post (urlencoded or multipart) to a web page, never to the API. */
    private static boolean isPageForm(HttpServletRequest request) {
        if (request.getContentType() == null || !WebPages.PAGES.matches(request)) {
            return false;
        }
        try {
            MediaType given = MediaType.parseMediaType(request.getContentType());
            return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(given)
                    || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(given);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** One of the three accepted types (parameters such as charset aside), or null. */
    private static MediaType contentType(HttpServletRequest request) {
        if (request.getContentType() == null) {
            return null;
        }
        try {
            MediaType given = MediaType.parseMediaType(request.getContentType());
            for (MediaType accepted : new MediaType[] {MediaType.APPLICATION_JSON, NDJSON, MediaType.APPLICATION_XML}) {
                if (accepted.equalsTypeAndSubtype(given)) {
                    return accepted;
                }
            }
            return null;
        } catch (InvalidMediaTypeException malformed) {
            return null;
        }
    }

    /** The body, failing once it passes {@code maxBytes}. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long bytes;

        BoundedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int read) throws IOException {
            bytes += read;
            if (bytes > maxBytes) {
                throw new BodyTooLargeException("body larger than " + maxBytes + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** Past a bound of §12; the request fails rather than a projection ever seeing it. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
