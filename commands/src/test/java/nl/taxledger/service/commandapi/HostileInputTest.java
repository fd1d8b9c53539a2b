package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property of the whole command path (domain.md §12): whatever JSON arrives, for every command of the catalogue,
 * over REST ({@code POST /api/commands/{type}}) and in an NDJSON import, the answer is never a 5xx (never a FAILED
 * import line), a refused command leaves no event, and every projection is still current afterwards.
 *
 * <p>Each try starts from a plausible command of the type (ids that the ledger holds, dates of 2026, small amounts:
 * some are accepted) and makes it hostile: a field of the wrong type, a huge number, control characters, lone
 * surrogates, bidirectional overrides, 10,000-character strings, deep nesting, extreme dates and amounts, a field
 * missing or one too many, or no object at all. Seeded: a failure names its seed and try.
 *
 * <p>CI runs {@value #DEFAULT_TRIES} tries per command type and path (about 400 requests, seconds). A long run:
 * {@code mvn -pl commands -am verify -Dtest=HostileInputTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.hostile.tries=2000}; replay a failure with {@code -Dledger.hostile.seed=<seed>}.
 *
 * <p>Written as a seeded generator on JUnit Jupiter rather than with jqwik: the service tests run on JUnit 6 (Spring
 * Framework 7's SpringExtension requires it), jqwik 1.9 needs the JUnit Platform 1.x, and jqwik 1.10 asks AI coding
 * agents not to use it (see the root pom).
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=hostile-input")
class HostileInputTest {
    static final int DEFAULT_TRIES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final long SEED = Long.getLong("ledger.hostile.seed", new SplittableRandom().nextLong());
    private static final int TRIES = Integer.getInteger("ledger.hostile.tries", DEFAULT_TRIES);
    /** Command ids unique in the run: a refused line's id must name no stored event. */
    private static final AtomicLong COMMANDS = new AtomicLong();

    /** Values that are each wrong somewhere: raw JSON, sent as they are. */
    private static final List<String> HOSTILE = List.of(
            "null",
            "true",
            "0",
            "-1",
            "1.5",
            "[]",
            "{}",
            "[1,[2]]",
            "{\"a\":{\"b\":[]}}",
            "1e400",
            "-1e400",
            "99999999999999999999999999",
            "-9223372036854775809",
            "2147483648",
            "1E-999999999",
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"A\\u0000B\"",
            "\"\\u0007\\u001b[31m\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"\\u202eLIAT\"",
            "\"\\u200b\"",
            "\"\\ue000\"",
            "\"😀\"",
            "\"Ünïcödé €\"",
            "\"\\r\\n\"",
            "\"' OR 1=1 --\"",
            "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://x/a}\"",
            "\"%s%n%x\"",
            "\"../../etc/passwd\"",
            "\"NaN\"",
            "\"Infinity\"",
            "\"-0\"",
            "\"0000-01-01\"",
            "\"-999999999-01-01\"",
            "\"+999999999-12-31\"",
            "\"9999-12-31\"",
            "\"1989-12-31\"",
            "\"2100-01-01\"",
            "\"2026-02-30\"",
            "\"2026-13-01\"",
            "\"2026-6-1\"",
            "\"2026-06-30T00:00:00Z\"",
            "\"999999999999.99\"",
            "\"1000000000.00\"",
            "\"999999999.99\"",
            "\"-0.01\"",
            "\"0.001\"",
            "\"1e3\"",
            "\"0x10\"",
            "\"1,00\"");

    private final LedgerClient ledger;
    private final JdbcTemplate jdbc;

    @Autowired
    HostileInputTest(LedgerClient ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        ledger.today(TODAY);
    }

    @TestFactory
    Stream<DynamicTest> no_input_can_stop_the_ledger() {
        if (ledger.events() == 0) {
            ledger.registerAndImpose("H");
        }
        return CommandCatalogue.entries().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.type(), () -> {
                    SplittableRandom random =
                            new SplittableRandom(SEED ^ entry.type().hashCode());
                    for (int attempt = 0; attempt < TRIES; attempt++) {
                        String where = "seed " + SEED + " (-Dledger.hostile.seed), " + entry.type() + " try " + attempt;
                        overRest(entry, hostileBody(entry, random, nextCommandId(), false), where);
                        inAnImport(entry, random, attempt, where);
                    }
                    assertProjectionsCurrent();
                }));
    }

    private void overRest(CommandCatalogue.Entry entry, String body, String where) {
        long before = ledger.events();

        ResponseEntity<String> answer = ledger.http()
                .post()
                .uri("/api/commands/{type}", entry.type())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .toEntity(String.class);

        String said = where + ": " + abbreviated(body) + " -> " + answer.getStatusCode() + " " + answer.getBody();
        assertThat(answer.getStatusCode().value()).as(said).isLessThan(500);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            assertThat(ledger.events()).as("events after a refusal: " + said).isEqualTo(before);
        }
    }

    /** Three hostile lines of the type in one import, each with its own commandId. */
    private void inAnImport(CommandCatalogue.Entry entry, SplittableRandom random, int attempt, String where) {
        List<String> lines = new ArrayList<>();
        List<String> commandIds = new ArrayList<>();
        for (int line = 0; line < 3; line++) {
            String commandId = nextCommandId();
            commandIds.add(commandId);
            lines.add(hostileBody(entry, random, commandId, true));
        }
        String body = String.join("\n", lines) + "\n";

        ResponseEntity<String> answer = ledger.http()
                .post()
                .uri("/api/commands")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .toEntity(String.class);

        String said = where + " (import): " + abbreviated(body) + " -> " + answer.getBody();
        assertThat(answer.getStatusCode().value()).as(said).isEqualTo(200);
        List<JsonNode> results = answer.getBody().lines().map(JSON::readTree).toList();
        assertThat(results).as(said).hasSize(lines.size() + 1);
        assertThat(results.get(lines.size()).path("summary").path("lines").asInt())
                .as(said)
                .isEqualTo(lines.size());
        assertThat(results.get(lines.size()).path("summary").has("failed"))
                .as(said)
                .isFalse();
        for (int line = 0; line < lines.size(); line++) {
            if ("REJECTED".equals(results.get(line).path("status").asString())) {
                assertThat(eventsOf(commandIds.get(line)))
                        .as("events of a refused line: " + said)
                        .isZero();
            }
        }
    }

    private static String nextCommandId() {
        return "hx-" + Long.toString(SEED, 36) + "-" + COMMANDS.incrementAndGet();
    }

    private long eventsOf(String commandId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry"
                        + " WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'commandId' = ?",
                Long.class,
                commandId);
    }

    private void assertProjectionsCurrent() {
        ledger.awaitProjections();
        JsonNode processors = ledger.get("/api/processors");
        assertThat(processors).isNotEmpty();
        assertThat(processors)
                .allSatisfy(processor -> assertThat(processor.path("error").asBoolean())
                        .as("seed " + SEED + ": " + processor)
                        .isFalse());
    }

    // ---- the generator ----

    /** A plausible command of the type with one to three hostile changes, as the raw JSON text of one line. */
    private static String hostileBody(
            CommandCatalogue.Entry entry, SplittableRandom random, String commandId, boolean withType) {
        if (random.nextInt(20) == 0) {
            return List.of(
                            "[]",
                            "null",
                            "\"ClosePeriod\"",
                            "42",
                            "{",
                            "{\"commandId\":",
                            "[".repeat(5_000),
                            "{\"a\":".repeat(2_000),
                            "{\"commandId\":\"x\",\"commandId\":\"y\"}",
                            "{}")
                    .get(random.nextInt(10));
        }
        Map<String, String> fields = plausible(entry.shape(), random);
        fields.put("commandId", JSON.writeValueAsString(commandId));
        int changes = 1 + random.nextInt(3);
        for (int change = 0; change < changes; change++) {
            mutate(fields, random);
        }
        Map<String, String> line = new LinkedHashMap<>();
        if (withType) {
            line.put("type", JSON.writeValueAsString(entry.type()));
        }
        line.putAll(fields);
        return object(line);
    }

    private static void mutate(Map<String, String> fields, SplittableRandom random) {
        if (fields.isEmpty()) {
            fields.put(unknownName(random), HOSTILE.get(random.nextInt(HOSTILE.size())));
            return;
        }
        List<String> names = new ArrayList<>(fields.keySet());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> fields.remove(name);
            case 1 -> fields.put(unknownName(random), HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 2 -> fields.put(name, JSON.writeValueAsString("x".repeat(10_000)));
            case 3 -> fields.put(name, "[".repeat(600) + "]".repeat(600));
            default -> fields.put(name, HOSTILE.get(random.nextInt(HOSTILE.size())));
        }
    }

    private static String unknownName(SplittableRandom random) {
        return List.of("currency2", "amountCents", "who", "__proto__", "ß", "", "type ", "\\u0000")
                .get(random.nextInt(8));
    }

    /** Every field of a request record with a plausible value, as raw JSON by name (some fields left out). */
    private static Map<String, String> plausible(Class<?> shape, SplittableRandom random) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : shape.getRecordComponents()) {
            if (component.getName().equals("bookingDate") && random.nextInt(4) != 0) {
                continue;
            }
            fields.put(component.getName(), plausibleValue(component, random));
        }
        return fields;
    }

    private static String plausibleValue(RecordComponent component, SplittableRandom random) {
        FieldBounds.Bound bound = FieldBounds.of(component.getName());
        if (bound instanceof FieldBounds.ListOf list) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            List<String> values = new ArrayList<>();
            for (int i = 0, size = 1 + random.nextInt(3); i < size; i++) {
                values.add(
                        list.element() == FieldBounds.Scalar.RECORD
                                ? object(plausible(element, random))
                                : JSON.writeValueAsString(pick(random, "A-H", "A-" + random.nextInt(9))));
            }
            return "[" + String.join(",", values) + "]";
        }
        return switch ((FieldBounds.Scalar) bound) {
            case IDENTIFIER -> JSON.writeValueAsString(identifier(component.getName(), random));
            case TEXT -> JSON.writeValueAsString("reden " + random.nextInt(100));
            case DATE ->
                JSON.writeValueAsString(TODAY.minusDays(random.nextInt(200)).toString());
            case AMOUNT -> JSON.writeValueAsString((1 + random.nextInt(500)) + "." + (10 + random.nextInt(90)));
            case RATE -> JSON.writeValueAsString("0.005");
            case TAX_YEAR -> "2026";
            case YEARS -> "4";
            case RECORD -> throw new IllegalStateException("a record is a list's element only");
        };
    }

    /** Ids the ledger holds (participant GEM-H, debtor S-H, assessment A-H), known codes, or a fresh id. */
    private static String identifier(String field, SplittableRandom random) {
        return switch (field) {
            case "participantId" -> pick(random, "GEM-H", "GEM-" + random.nextInt(9));
            case "debtorId" -> pick(random, "S-H", "S-" + random.nextInt(9));
            case "assessmentId", "reference", "paymentReference", "belongsToAssessmentId" ->
                pick(random, "A-H", "A-" + random.nextInt(9));
            case "lineId" -> pick(random, "L1", "L2", "L9");
            case "iban", "counterpartyIban" -> pick(random, "NL91ABNA0417164300", "NL02ABNA0123456789");
            case "kind" -> pick(random, "AANSLAG", "VERMINDERING", "OBJECTION", "AANMANING");
            case "schedule" -> pick(random, "WEEKLY", "QUARTERLY");
            case "currency" -> "EUR";
            case "channel" -> pick(random, "TRANSFER", "IDEAL");
            case "component" -> pick(random, "PRINCIPAL", "COSTS", "INTEREST");
            case "outcome" -> pick(random, "COMPLETED", "DEFAULTED", "CANCELLED");
            case "purpose" -> pick(random, "RECEIPTS", "PAYOUT");
            case "taxType" -> pick(random, "OZB", "RIOOLHEFFING");
            default -> "H-" + random.nextInt(1_000);
        };
    }

    private static String pick(SplittableRandom random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String object(Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(JSON.writeValueAsString(name) + ":" + value));
        return "{" + String.join(",", members) + "}";
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
    }
}
