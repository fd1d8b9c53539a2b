package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch import: NDJSON in (one command per line, with a {@code type} field), NDJSON out: one result line per input
 * line, in order, whatever happens to it, then one summary line (domain.md §12). The lines are committed in groups
 * ({@link GroupCommit}), each line in its own savepoint: a refused or failed line changes nothing and does not stop
 * the lines after it, and a line is answered only once its group committed. Blank lines are no commands: they are
 * skipped, not answered, but keep their number.
 */
@RestController
@Tag(name = "commands")
class BatchImportController {
    static final String NDJSON_VALUE = "application/x-ndjson";
    static final MediaType NDJSON = MediaType.parseMediaType(NDJSON_VALUE);
    /** A bound on one request (§12); larger imports are split by the client. */
    static final int MAX_LINES_PER_REQUEST = 1_000_000;
    /** A bound on one line (§12): a longer line is answered as refused, unread, and the import goes on. */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BatchImportController.class);

    private final CommandService service;
    private final JsonMapper json;
    private final GroupCommit groups;

    BatchImportController(CommandService service, JsonMapper json, GroupCommit groups) {
        this.service = service;
        this.json = json;
        this.groups = groups;
    }

    @PostMapping(path = "/api/commands", consumes = NDJSON_VALUE, produces = NDJSON_VALUE)
    @Operation(
            operationId = "importCommands",
            summary = "Import commands as NDJSON; answers one NDJSON result line per input line, then a summary",
            description = "Each line is a command of the catalogue with its `type`, at most 1 MiB; at most 1,000,000 "
                    + "lines. Each non-blank line gets one answer line, in order, with `line` (its number), "
                    + "`commandId`, `status` (ACCEPTED, REPLAYED, REJECTED or FAILED) and `result` or `code`, "
                    + "`field`, `detail`: a refused, malformed, non-UTF-8 or too long line is REJECTED and the import "
                    + "goes on; a server error on a line is FAILED (code SERVER_ERROR). Lines are committed in groups "
                    + "(ledger.import.group-size, default 500 lines, or ledger.import.group-max-ms, default 250 ms): "
                    + "a line is answered only once its group committed, so ACCEPTED means stored; a group whose "
                    + "commit fails is answered FAILED line by line and none of it is stored. Past 1,000,000 lines one "
                    + "REJECTED line says the rest was not read. The last line is always "
                    + "`{\"summary\":{\"lines\":…,\"accepted\":…,\"replayed\":…,\"rejected\":…}}` (with `failed` "
                    + "when a line failed); a stream without it was cut.")
    ResponseEntity<StreamingResponseBody> importBatch(InputStream body, HttpServletRequest request) {
        Actor actor;
        try {
            actor = Callers.actor(request);
        } catch (LedgerRejection rejection) {
            throw rejection;
        } catch (RuntimeException failure) {
            throw new NotStarted(failure);
        }
        StreamingResponseBody stream = out -> new Answer(out).importLines(body, actor);
        return ResponseEntity.ok().contentType(NDJSON).body(stream);
    }

    /** A server failure before the answer started streaming: a 500 problem body (once streaming, a FAILED line). */
    @ExceptionHandler(NotStarted.class)
    ResponseEntity<ProblemDetail> notStarted(NotStarted failure) {
        return ProblemDetails.serverFailure(LOG, "import", (RuntimeException) failure.getCause());
    }

    static final class NotStarted extends RuntimeException {
        NotStarted(RuntimeException cause) {
            super(cause);
        }
    }

    /** One import's answer as it is written: its result lines and what they add up to. */
    private final class Answer {
        private final OutputStream out;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final GroupCommit.Group group = groups.open();
        /** The lines of the open group, in order, each with its answer so far: written once the group committed. */
        private final List<Pending> pending = new ArrayList<>();

        Answer(OutputStream out) {
            this.out = out;
            for (String status : new String[] {"lines", "accepted", "replayed", "rejected"}) {
                counts.put(status, 0L);
            }
        }

        void importLines(InputStream body, Actor actor) throws IOException {
            try (group) {
                NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
                try {
                    for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                        if (line.number() > MAX_LINES_PER_REQUEST) {
                            pending.add(new Pending(
                                    null,
                                    refused(
                                            line.number(),
                                            null,
                                            "the import stops at " + MAX_LINES_PER_REQUEST + " lines: line "
                                                    + line.number() + " and any after it were not read")));
                            break;
                        }
                        if (!(line instanceof NdjsonLines.Text text
                                && text.text().isBlank())) {
                            add(line, actor);
                        }
                        if (group.full() || !lines.buffered()) {
                            commitGroup(actor);
                        }
                    }
                } catch (IOException unreadable) {
                    LOG.warn("import: reading the body failed after line {}", lines.lines(), unreadable);
                    commitGroup(actor);
                    pending.add(new Pending(
                            null,
                            failed(
                                    lines.lines() + 1,
                                    null,
                                    "reading the request body failed after line " + lines.lines() + ": "
                                            + unreadable.getMessage())));
                }
                commitGroup(actor);
            }
            summary();
        }

        /** A line of the group: one answered without the database has no command. */
        private static final class Pending {
            final Command command;
            Map<String, Object> answer;

            Pending(Command command, Map<String, Object> answer) {
                this.command = command;
                this.answer = answer;
            }
        }

        private record Command(int number, String commandId, JsonNode body) {}

        private void add(NdjsonLines.Line line, Actor actor) throws IOException {
            if (line instanceof NdjsonLines.TooLong tooLong) {
                pending.add(new Pending(
                        null,
                        refused(
                                line.number(),
                                null,
                                "line of " + tooLong.bytes() + " bytes, longer than " + MAX_LINE_BYTES
                                        + ": not read")));
                return;
            }
            if (line instanceof NdjsonLines.NotUtf8) {
                pending.add(new Pending(null, refused(line.number(), null, "line is not UTF-8")));
                return;
            }
            JsonNode body;
            try {
                body = json.readTree(((NdjsonLines.Text) line).text());
            } catch (JacksonException malformed) {
                pending.add(new Pending(
                        null, refused(line.number(), null, "line is not JSON: " + malformed.getOriginalMessage())));
                return;
            }
            Pending command = new Pending(new Command(line.number(), echoedCommandId(body), body), null);
            pending.add(command);
            run(command, actor);
        }

        /**
         * Runs a command line in the open group. A line that lost a deadlock against another group (each group takes
         * its lines' locks in file order, so two groups can wait on each other in a circle) was rolled back to its
         * savepoint; the lines before it commit now, and it is sent again as the first line of the next group, where
         * it holds no other lock. Bounded like a single command's retries.
         */
        private void run(Pending line, Actor actor) throws IOException {
            for (int attempt = 1; ; attempt++) {
                try {
                    line.answer = submit(line.command, actor);
                    return;
                } catch (GroupCommit.GroupBroken broken) {
                    commitGroup(actor, broken);
                    return;
                } catch (RuntimeException lost) {
                    pending.remove(line);
                    commitGroup(actor);
                    pending.add(line);
                    if (attempt >= CommandService.MAX_ATTEMPTS) {
                        line.answer = failed(line.command, lost);
                        return;
                    }
                }
            }
        }

        /** The line's answer; a failure that says only something about its timing is thrown (to be sent again). */
        private Map<String, Object> submit(Command line, Actor actor) {
            try {
                CommandOutcome outcome =
                        group.line(() -> service.submit(line.body().path("type").asString(""), line.body(), actor));
                Map<String, Object> result =
                        result(line.number(), line.commandId(), outcome.replayed() ? "REPLAYED" : "ACCEPTED");
                result.put("result", outcome.result());
                if (outcome.position() != null) {
                    result.put("position", outcome.position());
                }
                return result;
            } catch (LedgerRejection rejection) {
                Map<String, Object> result = result(line.number(), line.commandId(), "REJECTED");
                result.put("code", rejection.code().name());
                if (rejection.field() != null) {
                    result.put("field", rejection.field());
                }
                result.put("detail", rejection.getMessage());
                return result;
            } catch (GroupCommit.GroupBroken broken) {
                throw broken;
            } catch (RuntimeException failure) {
                if (GroupCommit.isTransient(failure)) {
                    throw failure;
                }
                return failed(line, failure);
            }
        }

        private void commitGroup(Actor actor) throws IOException {
            commitGroup(actor, null);
        }

        /**
         * Commits the open group, then writes its lines' answers: an answer ACCEPTED always means stored. A
         * {@code broken} group (rolled back whole) and a commit that failed for its timing only are tried again, every
         * command line of the group run again in a new transaction, at most {@link GroupCommit#MAX_GROUP_ATTEMPTS}
         * times; any other failure, or the last attempt failing, answers every command line of the group FAILED: none
         * of it is stored, and sending the file again completes it.
         */
        private void commitGroup(Actor actor, RuntimeException broken) throws IOException {
            RuntimeException failure = broken;
            for (int attempt = 1; failure == null || attempt <= GroupCommit.MAX_GROUP_ATTEMPTS; attempt++) {
                try {
                    if (failure != null) {
                        for (Pending line : pending) {
                            if (line.command != null) {
                                line.answer = submit(line.command, actor);
                            }
                        }
                    }
                    group.commit();
                    failure = null;
                    break;
                } catch (RuntimeException commitFailed) {
                    group.rollback();
                    failure = commitFailed;
                    if (!GroupCommit.isTransient(commitFailed)) {
                        break;
                    }
                }
            }
            if (failure != null) {
                String reference =
                        ProblemDetails.logFailure(LOG, "import group of " + pending.size() + " lines", failure);
                for (Pending line : pending) {
                    if (line.command != null) {
                        line.answer = failed(
                                line.command.number(),
                                line.command.commandId(),
                                "its group's transaction failed (logged as " + reference
                                        + "); nothing of this line is stored, send it again");
                    }
                }
            }
            for (Pending line : pending) {
                write(line.answer);
            }
            pending.clear();
            out.flush();
        }

        private Map<String, Object> failed(Command line, RuntimeException failure) {
            String reference = ProblemDetails.logFailure(LOG, "import line " + line.number(), failure);
            return failed(
                    line.number(),
                    line.commandId(),
                    "server error (logged as " + reference + "); nothing of this line is stored");
        }

        private Map<String, Object> refused(int number, String commandId, String detail) {
            Map<String, Object> result = result(number, commandId, "REJECTED");
            result.put("code", ErrorCode.VALIDATION_FAILED.name());
            result.put("detail", detail);
            return result;
        }

        private Map<String, Object> failed(int number, String commandId, String detail) {
            Map<String, Object> result = result(number, commandId, "FAILED");
            result.put("code", ProblemDetails.SERVER_ERROR);
            result.put("detail", detail);
            return result;
        }

        private Map<String, Object> result(int number, String commandId, String status) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", number);
            result.put("commandId", commandId);
            result.put("status", status);
            return result;
        }

        private void write(Map<String, Object> result) throws IOException {
            counts.merge("lines", 1L, Long::sum);
            counts.merge(((String) result.get("status")).toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            out.write(json.writeValueAsBytes(result));
            out.write('\n');
        }

        private void summary() throws IOException {
            out.write(json.writeValueAsBytes(Map.of("summary", counts)));
            out.write('\n');
            out.flush();
        }
    }

    /** The line's commandId as sent, when it is one that can be sent back (a short text). */
    private static String echoedCommandId(JsonNode command) {
        JsonNode commandId = command.path("commandId");
        return commandId.isString() && commandId.asString().length() <= FieldBounds.MAX_IDENTIFIER_CHARACTERS * 2
                ? commandId.asString()
                : null;
    }
}
