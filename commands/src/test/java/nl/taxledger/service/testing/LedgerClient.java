package nl.taxledger.service.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.eventstore.ProjectionSync;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.security.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service test does to the ledger: send commands through the command service ({@link #submit}) or over
 * REST ({@link #post}, {@link #get}), count the stored events, move the ledger's clock, and the usual given: a
 * participant with an assessment ({@link #registerAndImpose}).
 */
@TestComponent
public class LedgerClient {
    /**
     * The actor of {@link #submit}; REST calls sign in as the same person (a local user with the roles CLERK and
     * SUPERVISOR, so that {@link #registerAndImpose} may register participants).
     */
    public static final Actor CLERK = new Actor("medewerker-17", "besluit 2026-0042", "test");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(30);

    private final CommandService commands;
    private final LedgerClock clock;
    private final JdbcTemplate jdbc;
    private final ProjectionSync projections;
    private final Environment environment;
    private final ApplicationContext context;
    private RestClient http;

    LedgerClient(CommandService commands, LedgerClock clock, JdbcTemplate jdbc, ProjectionSync projections,
            Environment environment, ApplicationContext context) {
        this.commands = commands;
        this.clock = clock;
        this.jdbc = jdbc;
        this.projections = projections;
        this.environment = environment;
        this.context = context;
    }

    /** Sets the ledger's today: the booking date of commands that do not give one. */
    public void today(LocalDate today) {
        clock.setToday(today);
    }

    /** Through the command service, as {@link #CLERK}; a refusal is thrown as {@code LedgerRejection}. */
    public CommandOutcome submit(String type, String json) {
        return submitAs(CLERK, type, json);
    }

    public CommandOutcome submitAs(Actor actor, String type, String json) {
        return commands.submit(type, JSON.readTree(json), actor);
    }

    /** {@code POST /api/commands/{type}} signed in as {@link #CLERK}, with the why header; any status is returned. */
    public ResponseEntity<JsonNode> post(String type, String json) {
        return http().post().uri("/api/commands/" + type).contentType(MediaType.APPLICATION_JSON)
                .header("X-Ledger-Why", CLERK.why())
                .body(json).retrieve().toEntity(JsonNode.class);
    }

    /** A read over REST once the projections have caught up with every stored event. */
    public JsonNode get(String path) {
        awaitProjections();
        return http().get().uri(path).retrieve().body(JsonNode.class);
    }

    public void awaitProjections() {
        projections.awaitCaughtUp(PROJECTION_TIMEOUT);
    }

    /**
     * A REST client on the service's random port, signed in as {@link #CLERK} (HTTP Basic), that returns error
     * answers instead of throwing them.
     */
    public RestClient http() {
        if (http == null) {
            http = httpAs(CLERK.who(), Role.CLERK, Role.SUPERVISOR);
        }
        return http;
    }

    /** A REST client signed in as a local user {@code username} with {@code roles}, made on first use. */
    public RestClient httpAs(String username, Role... roles) {
        return TestUsers.client(context, port(), username, roles);
    }

    private int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    /** Events stored in the whole ledger. */
    public long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    /**
     * Over REST: participant GEM-{key} ("Gemeente {key}", weekly, 0.5% for 4 years), and debtor S-{key}'s
     * assessment A-{key} of 500.00 (L1 OZB 2026 300.00, L2 RIOOLHEFFING 2026 200.00), issued 27 February, due
     * 30 April 2026. Both must be accepted.
     */
    public void registerAndImpose(String key) {
        assertThat(post("RegisterParticipant", """
                {"commandId":"reg-%1$s","participantId":"GEM-%1$s","name":"Gemeente %1$s",
                 "iban":"NL91ABNA0417164300","schedule":"WEEKLY","reserveRate":"0.005","reserveYears":4}"""
                .formatted(key)).getStatusCode().value()).as("RegisterParticipant GEM-" + key).isEqualTo(200);
        assertThat(post("ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27",
                 "dueDate":"2026-04-30","lines":[
                   {"lineId":"L1","participantId":"GEM-%1$s","taxType":"OZB","taxYear":2026,"amount":"300.00"},
                   {"lineId":"L2","participantId":"GEM-%1$s","taxType":"RIOOLHEFFING","taxYear":2026,
                    "amount":"200.00"}]}"""
                .formatted(key)).getStatusCode().value()).as("ImposeAssessment A-" + key).isEqualTo(200);
    }
}
