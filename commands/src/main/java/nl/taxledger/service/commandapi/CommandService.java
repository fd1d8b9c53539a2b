package nl.taxledger.service.commandapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.lookup.Directory;
import nl.taxledger.service.period.ClosedPeriods;
import nl.taxledger.service.security.CommandPermissions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one command path: REST, NDJSON batch import and the scenario runner all come here.
 * Per command, one PostgreSQL transaction holds the idempotency record, the lookup-table
 * updates and the appended events; a rejection rolls all of it back, so nothing is appended.
 */
@Service
public class CommandService {
    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final LedgerClock clock;
    private final JsonMapper json;
    private final ClosedPeriods closedPeriods;
    /** Sorted properties: the request hash must not depend on field order. */
    /** The member of an NDJSON import line that names the command. */
    private static final String ENVELOPE_TYPE = "type";

    private final JsonMapper canonical;

    public CommandService(
            CommandGateway gateway,
            TransactionTemplate transaction,
            JdbcTemplate jdbc,
            Directory directory,
            LedgerClock clock,
            JsonMapper json,
            ClosedPeriods closedPeriods) {
        this.gateway = gateway;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.directory = directory;
        this.canonical = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
        this.clock = clock;
        this.json = json;
        this.closedPeriods = closedPeriods;
    }

    /**
     * A command in its JSON shape, {@code type} naming one of the {@link CommandCatalogue}. A {@code type} member in
     * the body (an NDJSON import line) is the envelope, not a field; any other member the shape does not have is
     * refused, naming it, and so is a field outside its bound ({@link FieldBounds}, domain.md §12).
     */
    public CommandOutcome submit(String type, JsonNode body, Actor actor) {
        CommandCatalogue.Entry entry =
                CommandCatalogue.find(type).orElseThrow(() -> Fields.invalid("type", "unknown command type " + type));
        if (body == null || !body.isObject()) {
            throw Fields.invalid(null, "a " + type + " command is a JSON object");
        }
        JsonNode fields = body;
        if (body instanceof ObjectNode envelope && envelope.has(ENVELOPE_TYPE)) {
            fields = envelope.deepCopy().without(ENVELOPE_TYPE);
        }
        LedgerRequest request;
        try {
            request = json.readerFor(entry.shape())
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(fields);
        } catch (JacksonException malformed) {
            throw malformed(type, malformed);
        }
        // the bounds of §12 on what a client sent; in-process callers (bank import, scheduler) build their own
        FieldBounds.check((Record) request);
        return submit(type, request, actor);
    }

    public CommandOutcome submit(String type, LedgerRequest request, Actor actor) {
        CommandPermissions.requireMayRun(type);
        String commandId = Fields.required("commandId", request.commandId());
        LocalDate bookingDate = LedgerRequest.bookingDate(request.bookingDate(), clock.today());
        Routed routed = request.validate(bookingDate);
        String requestHash = sha256(type + "\n" + canonical.writeValueAsString(request));
        try {
            return transaction.execute(status -> execute(type, commandId, requestHash, routed, bookingDate, actor));
        } catch (DuplicateKeyException raced) {
            return afterRace(type, commandId, requestHash, raced);
        }
    }

    /** A body that does not bind to the shape: the field it stopped at ({@code lines[].amount}) is named. */
    static LedgerRejection malformed(String type, JacksonException malformed) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : malformed.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append("[]");
            }
        }
        String named = field.isEmpty() ? null : field.toString();
        String problem = malformed instanceof UnrecognizedPropertyException
                ? "unknown field " + named
                : "malformed " + type + ": " + malformed.getOriginalMessage();
        return Fields.invalid(named, problem);
    }

    private CommandOutcome execute(
            String type, String commandId, String requestHash, Routed routed, LocalDate bookingDate, Actor actor) {
        Optional<CommandOutcome> earlier = logged(commandId, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        closedPeriods.checkOpen(bookingDate);
        Object command = routed.route(directory);
        Object result = send(command, commandId, actor);
        // a creation handler (a constructor) answers the new aggregate's id; the others answer their fact
        String resultType = result == null
                ? null
                : result instanceof String
                        ? "AggregateIdentifier"
                        : result.getClass().getSimpleName();
        JsonNode resultJson = json.valueToTree(result);
        jdbc.update(
                "INSERT INTO command_log (command_id, command_type, request_sha256, result_type, result)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb)",
                commandId,
                type,
                requestHash,
                resultType,
                json.writeValueAsString(resultJson));
        return new CommandOutcome(commandId, type, false, resultType, resultJson);
    }

    private Optional<CommandOutcome> logged(String commandId, String requestHash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT command_type, request_sha256, result_type,"
                        + " result::text AS result FROM command_log WHERE command_id = ?",
                commandId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (!requestHash.equals(row.get("request_sha256"))) {
            throw new LedgerRejection(
                    ErrorCode.COMMAND_ID_CONFLICT,
                    "commandId " + commandId + " was used before with different content");
        }
        return Optional.of(new CommandOutcome(
                commandId,
                (String) row.get("command_type"),
                true,
                (String) row.get("result_type"),
                json.readTree((String) row.get("result"))));
    }

    private Object send(Object command, String commandId, Actor actor) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("who", actor.who());
        meta.put("commandId", commandId);
        if (actor.why() != null) {
            meta.put("why", actor.why());
        }
        if (actor.source() != null) {
            meta.put("source", actor.source());
        }
        try {
            return gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
        } catch (RuntimeException failure) {
            throw rejectionIn(failure);
        }
    }

    private static RuntimeException rejectionIn(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LedgerRejection rejection) {
                return rejection;
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return new LedgerRejection(ErrorCode.UNKNOWN_DEBTOR, notFound.getMessage());
            }
        }
        return failure;
    }

    /**
     * Two sends raced past the checks and PostgreSQL refused the second's insert: decide what
     * the loser gets by looking again, now that the winner has committed.
     */
    private CommandOutcome afterRace(String type, String commandId, String requestHash, DuplicateKeyException raced) {
        String message = String.valueOf(raced.getMostSpecificCause().getMessage());
        if (message.contains("command_log_pkey")) {
            return transaction.execute(status -> logged(commandId, requestHash)).orElseThrow(() -> raced);
        }
        if (message.contains("lookup_assessment")) {
            throw new LedgerRejection(ErrorCode.DUPLICATE_ASSESSMENT, "assessment already imposed (concurrently)");
        }
        if (message.contains("lookup_payment")) {
            throw new LedgerRejection(ErrorCode.DUPLICATE_PAYMENT, "payment already booked (concurrently)");
        }
        if (message.contains("lookup_participant")) {
            throw new LedgerRejection(ErrorCode.DUPLICATE_PARTICIPANT, "participant already registered (concurrently)");
        }
        throw raced;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
