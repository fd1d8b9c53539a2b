package nl.taxledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The bound on concurrent bank-file imports: one import more than the permits is answered 503 with Retry-After at
 * once, without reaching the import; a finished import frees its permit; other requests never wait for it.
 */
class ImportGateTest {
    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    @Test
    void an_import_beyond_the_permits_is_answered_503_with_retry_after_and_never_reaches_the_import() throws Exception {
        ImportGate gate = new ImportGate(1);
        CountDownLatch importing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> {
                gate.doFilter(post("/api/bank-statements"), new MockHttpServletResponse(), (request, response) -> {
                    reached.incrementAndGet();
                    importing.countDown();
                    try {
                        finish.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            assertThat(importing.await(10, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse second = new MockHttpServletResponse();
            gate.doFilter(post("/bankbestanden"), second, (request, response) -> reached.incrementAndGet());
            MockHttpServletResponse other = new MockHttpServletResponse();
            gate.doFilter(
                    post("/api/commands/ReceivePayment"), other, (request, response) -> reached.incrementAndGet());

            assertThat(second.getStatus()).isEqualTo(503);
            assertThat(second.getHeader("Retry-After")).isEqualTo(ImportGate.RETRY_AFTER_SECONDS);
            assertThat(second.getContentType()).isEqualTo("application/problem+json");
            assertThat(second.getContentAsString()).contains("send this one again");
            assertThat(other.getStatus()).as("not an import: never gated").isEqualTo(200);
            assertThat(reached).hasValue(2);

            finish.countDown();
            first.get(10, TimeUnit.SECONDS);
            MockHttpServletResponse afterwards = new MockHttpServletResponse();
            gate.doFilter(post("/api/bank-statements"), afterwards, (request, response) -> reached.incrementAndGet());
            assertThat(afterwards.getStatus()).as("the permit is back").isEqualTo(200);
            assertThat(reached).hasValue(3);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_failed_import_gives_its_permit_back() throws Exception {
        ImportGate gate = new ImportGate(1);
        try {
            gate.doFilter(post("/api/bank-statements"), new MockHttpServletResponse(), (request, response) -> {
                throw new IllegalStateException("the import stopped");
            });
        } catch (IllegalStateException expected) {
            // the ledger stops on a wrong file; the permit must not stay taken
        }
        MockHttpServletResponse next = new MockHttpServletResponse();

        gate.doFilter(post("/api/bank-statements"), next, (request, response) -> {});

        assertThat(next.getStatus()).isEqualTo(200);
    }
}
