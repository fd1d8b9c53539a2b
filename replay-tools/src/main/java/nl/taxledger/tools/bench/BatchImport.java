package nl.taxledger.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch import path: {@code POST /api/commands} with NDJSON bodies of {@link #LINES_PER_REQUEST} lines,
 * from a few concurrent clients over loopback HTTP. Every answer line must say ACCEPTED, and the summary line that
 * ends each answer (a cut stream has none) must count them all.
 */
final class BatchImport {
    static final int LINES_PER_REQUEST = 5_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private final Cooperation cooperation;
    private final URI endpoint;
    private final int clients;
    /** HTTP Basic of the service's import user: who on every imported fact */
    private final String authorization;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    BatchImport(Cooperation cooperation, int httpPort, String authorization, int clients) {
        if (clients < 1 || clients > 16) {
            throw new IllegalArgumentException("import clients must be in 1..16: " + clients);
        }
        this.cooperation = cooperation;
        this.endpoint = URI.create("http://127.0.0.1:" + httpPort + "/api/commands");
        this.clients = clients;
        this.authorization = authorization;
    }

    /** Imports assessments 1..{@code count}; returns the wall time in nanoseconds. */
    long run(int count, LongConsumer accepted) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            int perClient = (count + clients - 1) / clients;
            for (int client = 0; client < clients; client++) {
                int from = 1 + client * perClient;
                int to = Math.min(count, from + perClient - 1);
                running.add(pool.submit(() -> importRange(from, to, accepted)));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return System.nanoTime() - started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the import", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the import failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Void importRange(int from, int to, LongConsumer accepted) throws IOException, InterruptedException {
        for (int start = from; start <= to; start += LINES_PER_REQUEST) {
            int end = Math.min(to, start + LINES_PER_REQUEST - 1);
            StringBuilder body = new StringBuilder();
            for (int number = start; number <= end; number++) {
                body.append(json.writeValueAsString(cooperation.importAssessment(number)))
                        .append('\n');
            }
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", authorization)
                    .header("X-Ledger-Source", "bench-import")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/commands answered " + response.statusCode());
            }
            long sent = end - start + 1;
            List<JsonNode> answer = response.body().map(this::requireAccepted).toList();
            long lines = answer.stream().filter(line -> !line.has("summary")).count();
            if (lines != sent
                    || answer.isEmpty()
                    || !answer.get(answer.size() - 1).has("summary")) {
                throw new IllegalStateException("POST /api/commands answered " + lines + " lines for " + sent
                        + (answer.isEmpty() || !answer.get(answer.size() - 1).has("summary")
                                ? ", without a summary"
                                : ""));
            }
            accepted.accept(lines);
        }
        return null;
    }

    /** A result line must say ACCEPTED; the summary that ends the answer must count every line accepted. */
    private JsonNode requireAccepted(String line) {
        JsonNode result = json.readTree(line);
        JsonNode summary = result.path("summary");
        if (summary.isObject()
                ? summary.path("accepted").asLong() != summary.path("lines").asLong()
                : !"ACCEPTED".equals(result.path("status").asString(""))) {
            throw new IllegalStateException("import line refused: " + line);
        }
        return result;
    }
}
