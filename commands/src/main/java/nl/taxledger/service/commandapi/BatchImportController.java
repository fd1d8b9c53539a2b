package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.taxledger.ledger.api.LedgerRejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch import: NDJSON in (one command per line, with a {@code type} field), NDJSON out (one
 * result per line, in order). Every line is its own transaction: a rejected line changes
 * nothing and does not stop the lines after it.
 */
@RestController
@Tag(name = "commands")
class BatchImportController {
    static final String NDJSON_VALUE = "application/x-ndjson";
    static final MediaType NDJSON = MediaType.parseMediaType(NDJSON_VALUE);
    /** A bound on one request; larger imports are split by the client (or use the CLI). */
    static final int MAX_LINES_PER_REQUEST = 1_000_000;

    private final CommandService service;
    private final JsonMapper json;

    BatchImportController(CommandService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @PostMapping(path = "/api/commands", consumes = NDJSON_VALUE, produces = NDJSON_VALUE)
    @Operation(operationId = "importCommands",
            summary = "Import commands as NDJSON; answers one NDJSON result line per input line",
            description = "Each line is a command of the catalogue with its `type`. Each answer line has `line`, "
                    + "`commandId`, `status` (ACCEPTED, REPLAYED, REJECTED) and `result` or `code`, `field`, `detail`.")
    ResponseEntity<StreamingResponseBody> importBatch(InputStream body, HttpServletRequest request) {
        Actor actor = Callers.actor(request);
        StreamingResponseBody stream = out -> importLines(body, out, actor);
        return ResponseEntity.ok().contentType(NDJSON).body(stream);
    }

    private void importLines(InputStream body, OutputStream out, Actor actor) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber > MAX_LINES_PER_REQUEST) {
                throw new IllegalArgumentException("more than " + MAX_LINES_PER_REQUEST + " lines in one request");
            }
            if (line.isBlank()) {
                continue;
            }
            out.write(json.writeValueAsBytes(importLine(lineNumber, line, actor)));
            out.write('\n');
        }
        out.flush();
    }

    private Map<String, Object> importLine(int lineNumber, String line, Actor actor) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("line", lineNumber);
        try {
            JsonNode command = json.readTree(line);
            result.put("commandId", command.path("commandId").asString(null));
            CommandOutcome outcome = service.submit(command.path("type").asString(""), command, actor);
            result.put("status", outcome.replayed() ? "REPLAYED" : "ACCEPTED");
            result.put("result", outcome.result());
        } catch (LedgerRejection rejection) {
            result.put("status", "REJECTED");
            result.put("code", rejection.code().name());
            if (rejection.field() != null) {
                result.put("field", rejection.field());
            }
            result.put("detail", rejection.getMessage());
        } catch (JacksonException malformed) {
            result.put("status", "REJECTED");
            result.put("code", "VALIDATION_FAILED");
            result.put("detail", "line is not JSON: " + malformed.getOriginalMessage());
        }
        return result;
    }
}
