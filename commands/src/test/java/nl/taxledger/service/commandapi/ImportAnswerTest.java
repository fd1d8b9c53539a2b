package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.security.LedgerPrincipal;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NDJSON import's answer (domain.md §12) with a command service that accepts, refuses or fails as told by the
 * line's commandId: every line is answered whatever happens to it, and the answer always ends with the summary.
 */
class ImportAnswerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LedgerPrincipal CLERK =
            new LedgerPrincipal("kees", java.util.Set.of(Role.CLERK), java.util.Optional.empty());

    private final CommandService service = mock(CommandService.class);
    private final BatchImportController controller =
            new BatchImportController(service, JSON, new GroupCommit(new NoDatabase(), 500, 50));

    /** Transactions without a database and savepoints that keep nothing: this answer's shape does not need them. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {
        private static final class Transaction implements SavepointManager {
            @Override
            public Object createSavepoint() {
                return new Object();
            }

            @Override
            public void rollbackToSavepoint(Object savepoint) {}

            @Override
            public void releaseSavepoint(Object savepoint) {}
        }

        @Override
        protected Object doGetTransaction() {
            return new Transaction();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }

    ImportAnswerTest() {
        when(service.submit(anyString(), any(JsonNode.class), any(Actor.class))).thenAnswer(call -> {
            String commandId = call.<JsonNode>getArgument(1).path("commandId").asString();
            if (commandId.startsWith("fail")) {
                throw new IllegalStateException("connection to the database lost");
            }
            if (commandId.startsWith("refuse")) {
                throw new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, "no debtor");
            }
            return new CommandOutcome(
                    commandId,
                    "ClosePeriod",
                    commandId.startsWith("again"),
                    "PeriodClosed",
                    JSON.createObjectNode(),
                    7L);
        });
    }

    private static String command(String commandId) {
        return "{\"type\":\"ClosePeriod\",\"commandId\":\"" + commandId + "\",\"through\":\"2026-01-31\"}";
    }

    private List<JsonNode> answer(InputStream body) throws IOException {
        ResponseEntity<StreamingResponseBody> response =
                Principals.runAs(CLERK, () -> controller.importBatch(body, new MockHttpServletRequest()));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    private List<JsonNode> answer(String body) throws IOException {
        return answer(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode summary(List<JsonNode> answer) {
        return answer.get(answer.size() - 1).path("summary");
    }

    @Test
    void the_answer_ends_with_a_summary_that_counts_every_answered_line() throws IOException {
        List<JsonNode> answer = answer(command("c1") + "\r\n"
                + String.join("\n", command("again-c2"), command("refuse-c3"), "", command("c5")) + "\n");

        assertThat(answer).hasSize(5);
        assertThat(answer.subList(0, 4))
                .extracting(line -> line.path("line").asInt())
                .containsExactly(1, 2, 3, 5);
        assertThat(answer.subList(0, 4))
                .extracting(line -> line.path("status").asString())
                .containsExactly("ACCEPTED", "REPLAYED", "REJECTED", "ACCEPTED");
        assertThat(summary(answer))
                .isEqualTo(JSON.readTree("{\"lines\":4,\"accepted\":2,\"replayed\":1,\"rejected\":1}"));
    }

    @Test
    void a_server_error_on_a_line_is_a_failed_line_the_rest_goes_on_and_the_summary_counts_it() throws IOException {
        List<JsonNode> answer = answer(String.join("\n", command("c1"), command("fail-c2"), command("c3")));

        assertThat(answer.get(1).path("status").asString()).isEqualTo("FAILED");
        assertThat(answer.get(1).path("code").asString()).isEqualTo("SERVER_ERROR");
        assertThat(answer.get(1).path("commandId").asString()).isEqualTo("fail-c2");
        assertThat(answer.get(1).path("detail").asString()).doesNotContain("database");
        assertThat(answer.get(2).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(summary(answer).path("failed").asInt()).isEqualTo(1);
        assertThat(summary(answer).path("lines").asInt()).isEqualTo(3);
    }

    @Test
    void a_malformed_line_in_the_middle_is_refused_and_the_lines_around_it_are_not() throws IOException {
        List<JsonNode> answer = answer(String.join("\n", command("c1"), "{\"type\":\"ClosePeriod\",", command("c3")));

        assertThat(answer.get(1).path("status").asString()).isEqualTo("REJECTED");
        assertThat(answer.get(1).path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.get(1).path("detail").asString()).startsWith("line is not JSON");
        assertThat(answer.get(0).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.get(2).path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_line_over_one_mebibyte_is_refused_unread_and_the_import_goes_on() throws IOException {
        String tooLong = command("c2").replace("2026-01-31", "x".repeat(BatchImportController.MAX_LINE_BYTES));

        List<JsonNode> answer = answer(String.join("\n", command("c1"), tooLong, command("c3")));

        assertThat(answer.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(answer.get(1).path("status").asString()).isEqualTo("REJECTED");
        assertThat(answer.get(1).path("detail").asString()).contains("longer than");
        assertThat(answer.get(2).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(summary(answer).path("rejected").asInt()).isEqualTo(1);
    }

    @Test
    void a_line_of_exactly_one_mebibyte_is_read() throws IOException {
        String prefix = "{\"type\":\"ClosePeriod\",\"commandId\":\"c1\",\"through\":\"2026-01-31\",\"pad\":\"";
        String line = prefix + "x".repeat(BatchImportController.MAX_LINE_BYTES - prefix.length() - 2) + "\"}";

        List<JsonNode> answer = answer(line + "\n");

        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(BatchImportController.MAX_LINE_BYTES);
        assertThat(answer.get(0).path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_line_that_is_not_utf_8_is_refused_and_the_import_goes_on() throws IOException {
        byte[] latin1 = (command("c1-\u00e9") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        InputStream body = new SequenceInputStream(
                new ByteArrayInputStream(latin1),
                new ByteArrayInputStream(command("c2").getBytes(StandardCharsets.UTF_8)));

        List<JsonNode> answer = answer(body);

        assertThat(answer.get(0).path("detail").asString()).isEqualTo("line is not UTF-8");
        assertThat(answer.get(1).path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void past_one_million_lines_one_line_says_the_rest_was_not_read_and_the_summary_follows() throws IOException {
        String body = "\n".repeat(BatchImportController.MAX_LINES_PER_REQUEST) + command("c-late") + "\n"
                + command("c-later");

        List<JsonNode> answer = answer(body);

        assertThat(answer).hasSize(2);
        assertThat(answer.get(0).path("line").asInt()).isEqualTo(1_000_001);
        assertThat(answer.get(0).path("status").asString()).isEqualTo("REJECTED");
        assertThat(answer.get(0).path("detail").asString()).contains("not read");
        assertThat(summary(answer).path("lines").asInt()).isEqualTo(1);
        org.mockito.Mockito.verifyNoInteractions(service);
    }

    @Test
    void a_server_failure_before_the_answer_streams_is_a_500_problem_body() {
        // no signed-in principal on this thread: the actor cannot be derived
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> controller.importBatch(
                new ByteArrayInputStream(command("c1").getBytes(StandardCharsets.UTF_8)),
                new MockHttpServletRequest()));

        assertThat(failure).isInstanceOf(BatchImportController.NotStarted.class);
        ResponseEntity<org.springframework.http.ProblemDetail> problem =
                controller.notStarted((BatchImportController.NotStarted) failure);
        assertThat(problem.getStatusCode().value()).isEqualTo(500);
        assertThat(problem.getBody().getProperties()).containsEntry("code", "SERVER_ERROR");
        org.mockito.Mockito.verifyNoInteractions(service);
    }

    @Test
    void a_body_that_breaks_off_while_read_is_a_failed_line_and_the_summary_still_comes() throws IOException {
        InputStream breaking = new SequenceInputStream(
                new ByteArrayInputStream((command("c1") + "\n").getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        List<JsonNode> answer = answer(breaking);

        assertThat(answer).hasSize(3);
        assertThat(answer.get(0).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(answer.get(1).path("status").asString()).isEqualTo("FAILED");
        assertThat(summary(answer).path("failed").asInt()).isEqualTo(1);
    }
}
