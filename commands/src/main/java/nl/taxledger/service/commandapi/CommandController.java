package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import nl.taxledger.ledger.api.LedgerRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/commands/{type}}: one endpoint for every command of the {@link CommandCatalogue}, taking the
 * JSON shapes of the scenario README. Who, why and source: see {@link Callers}. A re-send with the same commandId
 * answers the first result with {@code Idempotent-Replayed: true}. The global position of the command's last event
 * is in the body ({@code position}) and in header {@code Ledger-Position}, for read-your-writes. The OpenAPI document lists one operation per
 * command ({@link CommandCatalogueOpenApi}), so this generic mapping is hidden from it. A server failure is a 500
 * problem body ({@link ProblemDetails#serverFailure}).
 */
@RestController
@RequestMapping("/api/commands")
@Hidden
class CommandController {
    private static final Logger LOG = LoggerFactory.getLogger(CommandController.class);
    private final CommandService service;

    CommandController(CommandService service) {
        this.service = service;
    }

    @PostMapping(
            path = "/{type}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@PathVariable String type, @RequestBody JsonNode body, HttpServletRequest request) {
        CommandOutcome outcome;
        try {
            outcome = service.submit(type, body, Callers.actor(request));
        } catch (LedgerRejection rejection) {
            throw rejection;
        } catch (RuntimeException failure) {
            return ProblemDetails.serverFailure(LOG, "command " + type, failure);
        }
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.ok().header(Callers.REPLAYED, Boolean.toString(outcome.replayed()));
        if (outcome.position() != null) {
            answer.header(CommandOutcome.POSITION_HEADER, Long.toString(outcome.position()));
        }
        return answer.body(outcome);
    }
}
