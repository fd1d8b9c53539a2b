package nl.taxledger.service.commandapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.eventstore.AppendedEvents;
import nl.taxledger.service.eventstore.WalFlush;
import nl.taxledger.service.lookup.Directory;
import nl.taxledger.service.period.ClosedPeriods;
import nl.taxledger.service.security.CommandPermissions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * Commands on one aggregate, and sends of one commandId, are serialised until commit ({@link CommandLocks}).
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
    private final CommandLocks locks;
    private final WalFlush walFlush;
    private final AppendedEvents appended;
    /** A command whose transaction failed for its timing only (a deadlock broken) is sent again, this often. */
    public static final int MAX_ATTEMPTS = 5;
    /** Routing decided again under new locks because it named new aggregates: bounded, then retried whole. */
    static final int MAX_ROUTING_ROUNDS = 4;
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
            ClosedPeriods closedPeriods,
            AppendedEvents appended,
            WalFlush walFlush) {
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
        this.appended = appended;
        this.walFlush = walFlush;
        this.locks = new CommandLocks(jdbc);
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
        // inside a caller's transaction (a bank file's booking) a failed attempt has spoilt that transaction too,
        // and the caller's commit is the one that must be durable
        boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
        int attempts = ownTransaction ? MAX_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                CommandOutcome outcome = transaction.execute(
                        status -> execute(type, commandId, requestHash, routed, bookingDate, actor, ownTransaction));
                return ownTransaction ? durable(outcome) : outcome;
            } catch (DuplicateKeyException raced) {
                CommandOutcome outcome = afterRace(type, commandId, requestHash, raced);
                return ownTransaction ? durable(outcome) : outcome;
            } catch (RuntimeException failure) {
                if (attempt >= attempts || !CommandLocks.isTransient(failure)) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Answers only once the command is on disk. Its own transaction commits without waiting for the WAL flush
     * ({@code synchronous_commit} off for that transaction alone, set in {@link #execute}): the ledger chain's
     * head row is locked from the first link to the end of the commit, so a commit that waited for its flush there
     * made every other appending commit wait for that flush too, one flush per command (RELIABILITY.md, chain
     * cost). Here the flush is waited for after the head is released, by a WAL record written and flushed now,
     * after the commit's record: WAL is flushed in order, so when it returns the commit is durable, and
     * concurrent commands share one flush. Nothing durable can depend on a commit lost in a crash before its
     * flush: any later durable commit (another command, a projection's token) flushes the WAL before it too.
     */
    private CommandOutcome durable(CommandOutcome outcome) {
        walFlush.flush();
        return outcome;
    }

    /** A short random pause before the next attempt, so two transactions that deadlocked do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before a command was sent again", interrupted);
        }
    }

    /** A body that does not bind to the shape: the field it stopped at ({@code lines[1].amount}) is named. */
    static LedgerRejection malformed(String type, JacksonException malformed) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : malformed.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String named = field.isEmpty() ? null : field.toString();
        String problem = malformed instanceof UnrecognizedPropertyException
                ? "unknown field " + named
                : "malformed " + type + ": " + malformed.getOriginalMessage();
        return Fields.invalid(named, problem);
    }

    /**
     * One attempt, in one transaction, taking its locks in the order {@link CommandLocks} gives: the commandId (a
     * second send of it waits here, then finds the first's result), the aggregates, the closed period.
     */
    private CommandOutcome execute(
            String type,
            String commandId,
            String requestHash,
            Routed routed,
            LocalDate bookingDate,
            Actor actor,
            boolean ownTransaction) {
        locks.lockCommandId(commandId);
        // one round trip for the idempotency record, the closed period's first look (a statement after the lock's,
        // so it sees whatever an earlier send of this commandId committed) and, in its own transaction, a commit
        // that does not wait for its flush: submit waits for it after the commit (durable)
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT c.command_type, c.request_sha256, c.result_type, c.result::text AS result, c.position,"
                        + " (SELECT max(closed_through) FROM closed_period) AS closed_through,"
                        + " set_config('synchronous_commit', CASE WHEN ? THEN 'off'"
                        + " ELSE current_setting('synchronous_commit') END, true) AS commit_mode"
                        + " FROM (VALUES (1)) AS one LEFT JOIN command_log c ON c.command_id = ?",
                ownTransaction && walFlush.shared(),
                commandId);
        if (row.get("command_type") != null) {
            return earlier(commandId, requestHash, row);
        }
        Object closedThrough = row.get("closed_through");
        ClosedPeriods.refuseIfClosed(
                bookingDate, closedThrough == null ? null : ((java.sql.Date) closedThrough).toLocalDate());
        Object command = routeUnderLocks(routed);
        closedPeriods.checkOpen(bookingDate);
        long publishedBefore = appended.publishedInTransaction();
        Object result = send(command, commandId, actor);
        Long position = appended.publishedInTransaction() > publishedBefore ? appended.lastAppendedPosition() : null;
        // a creation handler (a constructor) answers the new aggregate's id; the others answer their fact
        String resultType = result == null
                ? null
                : result instanceof String
                        ? "AggregateIdentifier"
                        : result.getClass().getSimpleName();
        JsonNode resultJson = json.valueToTree(result);
        jdbc.update(
                "INSERT INTO command_log (command_id, command_type, request_sha256, result_type, result, position)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                commandId,
                type,
                requestHash,
                resultType,
                json.writeValueAsString(resultJson),
                position);
        return new CommandOutcome(commandId, type, false, resultType, resultJson, position);
    }

    /**
     * Routes the command with its aggregates locked: a first routing names them (its writes, such as a registered
     * counterparty, are held back and dropped: {@link RoutingRound}), their locks are taken, and the routing is decided again, now on
     * state no other command on them can change before this one commits. Should that second routing name another
     * aggregate (what it read changed while it waited), that one is locked too and the route decided once more.
     */
    private Object routeUnderLocks(Routed routed) {
        Set<String> locked = new HashSet<>();
        for (int round = 1; round <= MAX_ROUTING_ROUNDS; round++) {
            RoutingRound routing = new RoutingRound(directory);
            Object command = routed.route(routing);
            Set<String> aggregates = CommandLocks.aggregatesOf(command);
            if (locked.containsAll(aggregates)) {
                routing.keep();
                return command;
            }
            routing.discard();
            locks.lockAggregates(aggregates);
            locked.addAll(aggregates);
        }
        throw new CannotAcquireLockException("the route kept changing while its aggregates were locked ("
                + MAX_ROUTING_ROUNDS + " rounds); the command is sent again");
    }

    private Optional<CommandOutcome> logged(String commandId, String requestHash) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT command_type, request_sha256, result_type,"
                        + " result::text AS result, position FROM command_log WHERE command_id = ?",
                commandId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(earlier(commandId, requestHash, rows.get(0)));
    }

    /** The answer to a second send of a logged commandId: the first's result, if the request is the same. */
    private CommandOutcome earlier(String commandId, String requestHash, Map<String, Object> row) {
        if (!requestHash.equals(row.get("request_sha256"))) {
            throw new LedgerRejection(
                    ErrorCode.COMMAND_ID_CONFLICT,
                    "commandId " + commandId + " was used before with different content");
        }
        return new CommandOutcome(
                commandId,
                (String) row.get("command_type"),
                true,
                (String) row.get("result_type"),
                json.readTree((String) row.get("result")),
                (Long) row.get("position"));
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
