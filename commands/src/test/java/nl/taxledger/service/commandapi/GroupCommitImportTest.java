package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import nl.taxledger.service.security.LedgerPrincipal;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit of the NDJSON import (issue 14, docs/design.md "Group commit"): many lines in one PostgreSQL
 * transaction, each in its own savepoint, answered only after their group committed. The groups here are large and
 * slow to close ({@code groupSize} lines, 10 s), so which lines share a group is decided by the test, not by timing.
 * Failures are forced in PostgreSQL itself: a trigger that refuses the idempotency record of a marked line (after
 * Axon has counted its unit of work committed), and a deferred one that fails the whole group's commit.
 */
@LedgerServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitImportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LedgerPrincipal CLERK = new LedgerPrincipal("kees", Set.of(Role.CLERK), Optional.empty());
    private static final AtomicInteger DEBTORS = new AtomicInteger();

    @Autowired
    LedgerClient ledger;

    @Autowired
    CommandService commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    /** Outside the service's transactions: sees only what is committed. */
    private JdbcTemplate committed;

    @BeforeAll
    void failuresOnMarkedLines() {
        committed = OwnerConnection.jdbc(environment);
        committed.execute("""
                CREATE OR REPLACE FUNCTION group_test_refuse_line() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'line refused by the test: %', NEW.command_id; END $$""");
        committed.execute("""
                CREATE TRIGGER group_test_refuse_line BEFORE INSERT ON command_log FOR EACH ROW
                WHEN (NEW.command_id LIKE 'poison-line-%') EXECUTE FUNCTION group_test_refuse_line()""");
        committed.execute("""
                CREATE CONSTRAINT TRIGGER group_test_refuse_commit AFTER INSERT ON command_log
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.command_id LIKE 'poison-group-%') EXECUTE FUNCTION group_test_refuse_line()""");
    }

    @AfterAll
    void dropThem() {
        committed.execute("DROP TRIGGER group_test_refuse_line ON command_log");
        committed.execute("DROP TRIGGER group_test_refuse_commit ON command_log");
        committed.execute("DROP FUNCTION group_test_refuse_line()");
    }

    /** A debtor S-&lt;key&gt; with an assessment A-&lt;key&gt; of 500.00, committed before the import. */
    private String aDebtor() {
        String key = "GC" + DEBTORS.incrementAndGet();
        ledger.registerAndImpose(key);
        return key;
    }

    private static String payment(String commandId, String key, String paymentId, String amount) {
        return ("{\"type\":\"ReceivePayment\",\"commandId\":\"%s\",\"paymentId\":\"%s\",\"amount\":\"%s\","
                        + "\"reference\":\"A-%s\",\"valueDate\":\"2026-06-01\"}")
                .formatted(commandId, paymentId, amount, key);
    }

    private void importLines(int groupSize, InputStream body, OutputStream out) {
        BatchImportController controller =
                new BatchImportController(commands, JSON, new GroupCommit(transactions, groupSize, 10_000));
        Principals.runAs(CLERK, () -> {
            try {
                controller
                        .importBatch(body, new MockHttpServletRequest())
                        .getBody()
                        .writeTo(out);
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<JsonNode> importLines(int groupSize, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        importLines(groupSize, new ByteArrayInputStream(body), out);
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    private static List<String> statuses(List<JsonNode> answer) {
        return answer.stream()
                .filter(line -> !line.has("summary"))
                .map(line -> line.path("status").asString())
                .toList();
    }

    private List<String> logged(String... commandIds) {
        return committed.queryForList(
                "SELECT command_id FROM command_log WHERE command_id = ANY (?) ORDER BY command_id",
                String.class,
                (Object) commandIds);
    }

    /** The sequence numbers of the debtor's stored events. */
    private List<Long> sequenceNumbers(String key) {
        return committed.queryForList(
                "SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                Long.class,
                "S-" + key);
    }

    private long openPrincipalCents(String key) {
        ledger.awaitProjections();
        return ledger.get("/api/debtors/S-" + key)
                .path("assessments")
                .get(0)
                .path("openPrincipalCents")
                .asLong();
    }

    /**
     * After the import, one more payment on the debtor through the single-command path: had the aggregate cache kept
     * a state with an event that was never stored, this payment's event would take a sequence number after a gap.
     */
    private void aLaterCommandSeesTheStoredState(String key, int eventsBefore) {
        ledger.submit("ReceivePayment", """
                {"commandId":"later-%1$s","paymentId":"PL-%1$s","amount":"1.00","reference":"A-%1$s",
                 "valueDate":"2026-06-02"}""".formatted(key));
        List<Long> sequence = sequenceNumbers(key);
        assertThat(sequence).as("the debtor's events, gapless").hasSize(eventsBefore + 1);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo((long) i);
        }
    }

    @Test
    void a_refused_line_in_the_middle_of_a_group_is_rolled_back_alone_and_the_same_debtor_runs_several_times() {
        String key = aDebtor();
        int eventsBefore = sequenceNumbers(key).size();

        List<JsonNode> answer = importLines(
                500,
                payment("g1-" + key, key, "P1-" + key, "10.00"),
                payment("g2-" + key, key, "P1-" + key, "10.00"),
                payment("g3-" + key, key, "P3-" + key, "5.00"),
                payment("g4-" + key, key, "P4-" + key, "2.50"));

        assertThat(statuses(answer)).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED");
        assertThat(answer.get(1).path("code").asString()).isEqualTo("DUPLICATE_PAYMENT");
        assertThat(logged("g1-" + key, "g2-" + key, "g3-" + key, "g4-" + key))
                .containsExactly("g1-" + key, "g3-" + key, "g4-" + key);
        assertThat(sequenceNumbers(key)).hasSize(eventsBefore + 3);
        assertThat(openPrincipalCents(key)).isEqualTo(500_00 - 10_00 - 5_00 - 2_50);
        aLaterCommandSeesTheStoredState(key, eventsBefore + 3);
    }

    /**
     * A line refused by the aggregate's command handler (not by a check before it): Axon rolls its unit of work back,
     * and that must not end the group's PostgreSQL transaction. It did, through Axon's unit-of-work connection
     * wrapper calling rollback() on the group's connection: the refused line was answered FAILED ("ROLLBACK TO
     * SAVEPOINT can only be used in transaction blocks", HostileInputTest seed -5520274299116325964) and so were
     * the lines stored before it in the group.
     */
    @Test
    void a_line_refused_by_the_aggregate_leaves_the_groups_transaction_open() {
        String key = aDebtor();
        int eventsBefore = sequenceNumbers(key).size();
        String unknownDeferral = ("{\"type\":\"EndDeferral\",\"commandId\":\"ad2-%1$s\",\"debtorId\":\"S-%1$s\","
                        + "\"deferralId\":\"no-such-deferral\",\"date\":\"2026-06-01\",\"reason\":\"test\"}")
                .formatted(key);

        List<JsonNode> answer = importLines(
                500,
                payment("ad1-" + key, key, "PA1-" + key, "10.00"),
                unknownDeferral,
                payment("ad3-" + key, key, "PA3-" + key, "5.00"));

        assertThat(statuses(answer)).as(answer.toString()).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        assertThat(logged("ad1-" + key, "ad2-" + key, "ad3-" + key)).containsExactly("ad1-" + key, "ad3-" + key);
        assertThat(sequenceNumbers(key)).hasSize(eventsBefore + 2);
        aLaterCommandSeesTheStoredState(key, eventsBefore + 2);
    }

    @Test
    void a_line_undone_after_its_events_were_appended_leaves_nothing_in_the_aggregate_cache() {
        String key = aDebtor();
        int eventsBefore = sequenceNumbers(key).size();

        // the idempotency record of the second line is refused after Axon counted its unit of work committed
        List<JsonNode> answer = importLines(
                500,
                payment("h1-" + key, key, "P1-" + key, "10.00"),
                payment("poison-line-" + key, key, "P2-" + key, "20.00"));

        assertThat(statuses(answer)).containsExactly("ACCEPTED", "FAILED");
        assertThat(sequenceNumbers(key)).hasSize(eventsBefore + 1);
        aLaterCommandSeesTheStoredState(key, eventsBefore + 1);
        assertThat(openPrincipalCents(key)).isEqualTo(500_00 - 10_00 - 1_00);
    }

    @Test
    void a_group_whose_commit_fails_is_answered_failed_line_by_line_and_stores_nothing() {
        String key = aDebtor();
        int eventsBefore = sequenceNumbers(key).size();

        List<JsonNode> answer = importLines(
                500,
                payment("f1-" + key, key, "P1-" + key, "10.00"),
                "not json",
                payment("poison-group-" + key, key, "P2-" + key, "20.00"),
                payment("f3-" + key, key, "P3-" + key, "30.00"));

        assertThat(statuses(answer)).containsExactly("FAILED", "REJECTED", "FAILED", "FAILED");
        assertThat(answer.get(0).path("detail").asString()).contains("nothing of this line is stored");
        assertThat(answer.get(answer.size() - 1).path("summary").path("failed").asLong())
                .isEqualTo(3);
        assertThat(logged("f1-" + key, "poison-group-" + key, "f3-" + key)).isEmpty();
        assertThat(sequenceNumbers(key)).hasSize(eventsBefore);
        aLaterCommandSeesTheStoredState(key, eventsBefore);
        assertThat(openPrincipalCents(key)).isEqualTo(500_00 - 1_00);
    }

    @Test
    void a_crash_mid_group_stores_nothing_of_that_group_and_sending_the_file_again_completes_it() {
        String key = aDebtor();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            lines.add(payment("k" + i + "-" + key, key, "P" + i + "-" + key, i + ".00"));
        }
        byte[] firstFive = (String.join("\n", lines.subList(0, 5)) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream beforeCrash = new ByteArrayOutputStream();

        // groups of 3: lines 1-3 commit, then the service dies while lines 4 and 5 are in the open group
        assertThatThrownBy(() -> importLines(3, new DiesAfter(firstFive), beforeCrash))
                .isInstanceOf(Crash.class);

        assertThat(beforeCrash.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree))
                .extracting(line -> line.path("commandId").asString())
                .containsExactly("k1-" + key, "k2-" + key, "k3-" + key);
        assertThat(logged(lines.stream()
                        .map(line -> JSON.readTree(line).path("commandId").asString())
                        .toArray(String[]::new)))
                .containsExactly("k1-" + key, "k2-" + key, "k3-" + key);

        List<JsonNode> again = importLines(3, lines.toArray(String[]::new));

        assertThat(statuses(again))
                .containsExactly("REPLAYED", "REPLAYED", "REPLAYED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED");
        JsonNode summary = again.get(again.size() - 1).path("summary");
        assertThat(summary.path("accepted").asLong()).isEqualTo(4);
        assertThat(summary.path("replayed").asLong()).isEqualTo(3);
        assertThat(openPrincipalCents(key)).isEqualTo(500_00 - (1 + 2 + 3 + 4 + 5 + 6 + 7) * 100);
    }

    @Test
    void a_line_is_answered_accepted_only_once_its_group_committed() {
        String key = aDebtor();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(payment("w" + i + "-" + key, key, "PW" + i + "-" + key, "0.01"));
        }
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> answeredBeforeStored = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        OutputStream checking = new ChecksEachAnswer(answer -> {
            if (answer.path("status").asString().equals("ACCEPTED")) {
                accepted.incrementAndGet();
                String commandId = answer.path("commandId").asString();
                if (logged(commandId).isEmpty()) {
                    answeredBeforeStored.add(commandId);
                }
            }
        });

        // groups of 50 lines: answers written line by line would reach the client while their group is open
        importLines(50, new ByteArrayInputStream(body), checking);

        assertThat(accepted.get()).isEqualTo(120);
        assertThat(answeredBeforeStored).isEmpty();
    }

    /** A service that dies: not an exception a line could be answered with. */
    static final class Crash extends Error {
        Crash() {
            super("the service died mid-group (simulated)");
        }
    }

    /** A body that gives {@code bytes}, says more is on its way, and then the service dies while reading it. */
    private static final class DiesAfter extends InputStream {
        private final ByteArrayInputStream bytes;

        DiesAfter(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in chunks");
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            int read = bytes.read(into, offset, length);
            if (read <= 0) {
                throw new Crash();
            }
            return read;
        }

        @Override
        public int available() {
            return 1;
        }
    }

    /** The client's side: each answer line as it arrives. */
    private static final class ChecksEachAnswer extends OutputStream {
        private final java.util.function.Consumer<JsonNode> check;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        ChecksEachAnswer(java.util.function.Consumer<JsonNode> check) {
            this.check = check;
        }

        @Override
        public void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            check.accept(JSON.readTree(line.toString(StandardCharsets.UTF_8)));
            line.reset();
        }
    }
}
