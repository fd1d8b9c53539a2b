package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import nl.taxledger.ledger.account.AccountSnapshot;
import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrency without 500s (issue 12, item 3): commands on one aggregate are serialised until they commit, a
 * commandId in flight answers like its first result, and a close cannot let a booking into the closed period.
 *
 * <p>The hot-debtor run is short here (16 threads x 25 commands); the long run of the issue is
 * {@code mvn -pl commands -am verify -Dtest=ConcurrentCommandsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconcurrency.long=true} (64 threads x 200 commands). Commands go through {@link CommandService} in-process (the
 * path REST and the import call) so that thousands of them do not each pay for a password check; a refusal counts
 * as the status {@link ProblemDetails} gives it, any other exception as a 500.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=concurrency")
class ConcurrentCommandsTest {
    private static final boolean LONG = Boolean.getBoolean("concurrency.long");
    static final int THREADS = LONG ? 64 : 16;
    static final int COMMANDS_PER_THREAD = LONG ? 200 : 25;
    static final int HOT_DEBTORS = 10;
    /** Per debtor: two assessments of this much principal, more than all its payments together (so no credit). */
    private static final long ASSESSMENT_CENTS = 5_000_000;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String BOOKED = "2026-11-30";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LedgerClient ledger;

    @Autowired
    CommandService commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DebtorAccountQuery debtors;

    @Autowired
    org.axonframework.config.Configuration axon;

    /** One answer as REST would give it: the status, and whether it replayed an earlier result. */
    record Answer(int status, boolean replayed, String detail) {
        static Answer of(Sent sent, Function<Sent, CommandOutcome> send) {
            try {
                CommandOutcome outcome = send.apply(sent);
                return new Answer(200, outcome.replayed(), null);
            } catch (LedgerRejection rejection) {
                return new Answer(
                        ProblemDetails.status(rejection.code()).value(),
                        false,
                        rejection.code().name());
            } catch (RuntimeException failure) {
                return new Answer(500, false, String.valueOf(failure));
            }
        }
    }

    /** A command as sent: type and JSON body. */
    record Sent(String type, String json) {}

    @Test
    void sixteen_sends_of_one_payment_at_once_book_it_once_and_the_others_replay_its_answer() throws Exception {
        ledger.today(TODAY);
        ledger.registerAndImpose("C16");
        String payment = """
                {"commandId":"c16-pay","paymentId":"P-C16","amount":"12.34","reference":"A-C16","valueDate":"2026-11-30"}""";
        CyclicBarrier together = new CyclicBarrier(16);

        List<ResponseEntity<JsonNode>> answers = inParallel(16, thread -> {
            together.await();
            return ledger.http()
                    .post()
                    .uri("/api/commands/ReceivePayment")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(payment)
                    .retrieve()
                    .toEntity(JsonNode.class);
        });

        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> "true".equals(answer.getHeaders().getFirst(Callers.REPLAYED)))
                .as("marked replayed")
                .hasSize(15);
        assertThat(answers)
                .extracting(answer -> answer.getBody().path("result"))
                .as("every send answers the first result")
                .containsOnly(answers.get(0).getBody().path("result"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'S-C16'"
                                + " AND payloadtype LIKE '%PaymentReceived'",
                        Long.class))
                .as("payments stored")
                .isEqualTo(1);
    }

    @Test
    void hot_debtors_under_many_threads_end_as_the_same_commands_sent_one_by_one() throws Exception {
        ledger.today(TODAY);
        givenHotDebtors("conc");
        givenHotDebtors("seq");
        List<Sent> distinct = hotCommands(new Random(12), THREADS * COMMANDS_PER_THREAD * 9 / 10);
        List<List<Sent>> perThread = spread(distinct, new Random(13));
        long resent = perThread.stream().mapToLong(List::size).sum() - distinct.size();

        long started = System.nanoTime();
        List<List<Answer>> concurrent = inParallel(THREADS, thread -> perThread.get(thread).stream()
                .map(sent -> Answer.of(on(sent, "conc"), this::submit))
                .toList());
        long concurrentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<Answer> oneByOne = distinct.stream()
                .map(sent -> Answer.of(on(sent, "seq"), this::submit))
                .toList();

        List<Answer> all = concurrent.stream().flatMap(List::stream).toList();
        assertThat(all)
                .filteredOn(answer -> answer.status() >= 500)
                .as("5xx answers")
                .isEmpty();
        assertThat(all)
                .filteredOn(answer -> answer.status() != 200)
                .as("refused (every command is valid)")
                .isEmpty();
        assertThat(all)
                .filteredOn(Answer::replayed)
                .as("re-sends answered as replayed")
                .hasSize((int) resent);
        assertThat(oneByOne).extracting(Answer::status).containsOnly(200);
        ledger.awaitProjections();
        for (int debtor = 0; debtor < HOT_DEBTORS; debtor++) {
            assertSameAccount("conc", "seq", debtor, distinct);
        }
        System.out.printf(
                "concurrency: %d threads, %d commands (%d re-sends), %d 5xx, %d ms%n",
                THREADS,
                all.size(),
                resent,
                all.stream().filter(a -> a.status() >= 500).count(),
                concurrentMillis);
    }

    @Test
    void supervisors_approving_refunds_at_once_release_each_refund_once_without_a_server_error() throws Exception {
        ledger.today(TODAY);
        ledger.registerAndImpose("RF");
        ledger.submit("ReceivePayment", """
                {"commandId":"rf-pay","paymentId":"P-RF","amount":"600.00","reference":"A-RF","valueDate":"2026-11-30"}""");
        for (int refund = 0; refund < 6; refund++) {
            ledger.submit("PayRefund", """
                    {"commandId":"rf-refund-%d","debtorId":"S-RF","amount":"10.00","valueDate":"2026-11-30",
                     "iban":"NL91ABNA0417164300"}""".formatted(refund));
        }
        CyclicBarrier together = new CyclicBarrier(8);

        List<Answer> answers = inParallel(8, supervisor -> {
            together.await();
            Actor approver = new Actor("supervisor-" + supervisor, "vrijgave", "test");
            return Answer.of(
                    new Sent("ApproveRefunds", "{\"commandId\":\"rf-approve-" + supervisor + "\"}"),
                    sent -> commands.submit(sent.type(), JSON.readTree(sent.json()), approver));
        });

        assertThat(answers)
                .filteredOn(answer -> answer.status() >= 500)
                .as("5xx answers")
                .isEmpty();
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 200)
                .as("approvals that released a batch")
                .isNotEmpty();
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .extracting(Answer::detail)
                .as("the others find nothing waiting")
                .containsOnly(ErrorCode.INVALID_STATE.name());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refund_payout", Long.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refund_payout WHERE batch_id IS NULL", Long.class))
                .as("refunds left out of every batch")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE"
                                + " '%RefundsReleased' AND convert_from(payload, 'UTF8')::jsonb -> 'refundIds' IS NOT NULL"
                                + " AND jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'refundIds') > 0",
                        Long.class))
                .as("batches released")
                .isEqualTo(answers.stream().filter(a -> a.status() == 200).count());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) - count(DISTINCT r) FROM domainevententry,"
                                + " jsonb_array_elements_text(convert_from(payload, 'UTF8')::jsonb -> 'refundIds') r"
                                + " WHERE payloadtype LIKE '%RefundsReleased'",
                        Long.class))
                .as("refunds released twice")
                .isZero();
    }

    /**
     * Bookings into June race a close through 30 June: what the ledger holds for June when the close answers is
     * what it holds for ever (every later booking into June is refused), and nobody gets a 500.
     */
    @Test
    void no_booking_into_the_closed_period_is_stored_after_the_close_answers() throws Exception {
        ledger.today(LocalDate.of(2026, 6, 30));
        for (int debtor = 0; debtor < 4; debtor++) {
            ledger.registerAndImpose("CL" + debtor);
        }
        ledger.today(TODAY);
        AtomicBoolean closed = new AtomicBoolean();
        List<Answer> afterClose = new CopyOnWriteArrayList<>();
        CyclicBarrier together = new CyclicBarrier(9);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Answer>>> bookers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int booker = thread;
            bookers.add(pool.submit(() -> {
                together.await();
                List<Answer> answers = new ArrayList<>();
                for (int n = 0; n < 40; n++) {
                    boolean sentAfterClose = closed.get();
                    Answer answer =
                            Answer.of(new Sent("ReceivePayment", """
                            {"commandId":"cl-%1$d-%2$d","paymentId":"P-CL-%1$d-%2$d","amount":"0.01",
                             "reference":"A-CL%3$d","valueDate":"2026-06-30","bookingDate":"2026-06-30"}""".formatted(booker, n, booker % 4)), this::submit);
                    answers.add(answer);
                    if (sentAfterClose) {
                        afterClose.add(answer);
                    }
                }
                return answers;
            }));
        }
        together.await();
        Thread.sleep(150);
        Answer close = Answer.of(new Sent("ClosePeriod", """
                {"commandId":"cl-close","through":"2026-06-30","bookingDate":"2026-07-01"}"""), this::submit);
        closed.set(true);
        long juneWhenClosed = juneBookings();
        List<Answer> all = new ArrayList<>();
        for (Future<List<Answer>> booker : bookers) {
            all.addAll(booker.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(close.status()).as("the close: " + close.detail()).isEqualTo(200);
        assertThat(all)
                .filteredOn(answer -> answer.status() >= 500)
                .as("5xx answers")
                .isEmpty();
        assertThat(all)
                .extracting(Answer::status)
                .as("booked or refused as closed")
                .containsOnly(200, 422);
        assertThat(all)
                .filteredOn(answer -> answer.status() == 200)
                .as("booked before the close")
                .isNotEmpty();
        assertThat(afterClose)
                .as("sent after the close answered")
                .isNotEmpty()
                .extracting(Answer::detail)
                .containsOnly(ErrorCode.PERIOD_CLOSED.name());
        assertThat(juneBookings())
                .as("June bookings stored, now and when the close answered")
                .isEqualTo(juneWhenClosed)
                .isEqualTo(all.stream().filter(answer -> answer.status() == 200).count());
    }

    private long juneBookings() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PaymentReceived'"
                        + " AND (convert_from(payload, 'UTF8')::jsonb ->> 'bookingDate')::date <= DATE '2026-06-30'",
                Long.class);
    }

    private CommandOutcome submit(Sent sent) {
        return ledger.submit(sent.type(), sent.json());
    }

    // ---- the hot debtors ---------------------------------------------------------------------------------------

    /** Participant GEM-{run}, debtors H-{run}-0..9, each with assessments A-{run}-k-1 and -2. */
    private void givenHotDebtors(String run) {
        ledger.submit("RegisterParticipant", """
                {"commandId":"%1$s-reg","participantId":"GEM-%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300"}""".formatted(run));
        for (int debtor = 0; debtor < HOT_DEBTORS; debtor++) {
            for (int assessment = 1; assessment <= 2; assessment++) {
                ledger.submit("ImposeAssessment", """
                        {"commandId":"%1$s-imp-%2$d-%3$d","assessmentId":"A-%1$s-%2$d-%3$d","debtorId":"H-%1$s-%2$d",
                         "issueDate":"2026-0%3$d-01","dueDate":"2026-0%3$d-28","lines":[{"lineId":"L1",
                         "participantId":"GEM-%1$s","taxType":"OZB","taxYear":2026,"amount":"%4$s"}]}""".formatted(run, debtor, assessment, euro(ASSESSMENT_CENTS)));
            }
        }
    }

    /**
     * Payments (undirected, so art. 7 allocation across both assessments depends on the order) and cost charges on
     * random hot debtors; {@code RUN} stands for the run's name. Their total stays below the debt, so no order
     * gives credit and every order ends with the same open total.
     */
    private static List<Sent> hotCommands(Random random, int count) {
        List<Sent> commands = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int debtor = random.nextInt(HOT_DEBTORS);
            long cents = 1 + random.nextInt(5_000);
            if (random.nextInt(10) < 8) {
                commands.add(new Sent("ReceivePayment", """
                        {"commandId":"RUN-pay-%1$d","paymentId":"P-RUN-%1$d","amount":"%2$s","reference":"H-RUN-%3$d",
                         "valueDate":"2026-11-30","bookingDate":"%4$s"}""".formatted(n, euro(cents), debtor, BOOKED)));
            } else {
                commands.add(
                        new Sent("ChargeCosts", """
                        {"commandId":"RUN-cost-%1$d","assessmentId":"A-RUN-%3$d-%4$d","costId":"K%1$d",
                         "kind":"AANMANING","amount":"%2$s","date":"2026-11-30","bookingDate":"%5$s"}""".formatted(n, euro(cents), debtor, 1 + random.nextInt(2), BOOKED)));
            }
        }
        return commands;
    }

    /** Deals the commands out to the threads, and one in nine a second time to another thread (a re-send). */
    private static List<List<Sent>> spread(List<Sent> distinct, Random random) {
        List<List<Sent>> perThread = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            perThread.add(new ArrayList<>());
        }
        for (int n = 0; n < distinct.size(); n++) {
            perThread.get(n % THREADS).add(distinct.get(n));
            if (n % 9 == 0) {
                perThread.get((n + 1 + random.nextInt(THREADS - 1)) % THREADS).add(distinct.get(n));
            }
        }
        perThread.forEach(commands -> Collections.shuffle(commands, random));
        return perThread;
    }

    private static Sent on(Sent sent, String run) {
        return new Sent(sent.type(), sent.json().replace("RUN", run));
    }

    /**
     * The concurrent debtor against its one-by-one twin, its aggregate, its stored events and the commands: the same
     * open total and credit everywhere, and one event per distinct command (none lost, none twice).
     */
    private void assertSameAccount(String concurrent, String sequential, int debtor, List<Sent> distinct) {
        String id = "H-" + concurrent + "-" + debtor;
        String twin = "H-" + sequential + "-" + debtor;
        long commanded = 2 * ASSESSMENT_CENTS;
        long commandsOnDebtor = 0;
        for (Sent sent : distinct) {
            if (sent.json().contains("H-RUN-" + debtor + "\"") || sent.json().contains("A-RUN-" + debtor + "-")) {
                long cents = JSON.readTree(sent.json())
                        .path("amount")
                        .asString()
                        .replace(".", "")
                        .transform(Long::parseLong);
                commanded += sent.type().equals("ReceivePayment") ? -cents : cents;
                commandsOnDebtor++;
            }
        }
        long aggregateOpen = aggregate(id).claims().stream()
                .mapToLong(AccountSnapshot.OpenClaim::openCents)
                .sum();
        assertThat(aggregate(id).creditCents()).as(id + " credit (aggregate)").isZero();
        assertThat(aggregateOpen)
                .as(id + " open (aggregate) against the commands")
                .isEqualTo(commanded);
        assertThat(projectedOpen(id)).as(id + " open (projection)").isEqualTo(commanded);
        assertThat(projectedOpen(twin)).as(twin + " open (one by one)").isEqualTo(commanded);
        assertThat(eventSum(id)).as(id + " open (event sum)").isEqualTo(commanded);
        List<Long> sequence = jdbc.queryForList(
                "SELECT sequencenumber FROM domainevententry"
                        + " WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                Long.class,
                id);
        assertThat(sequence)
                .as(id + " events: two assessments and one per command, numbered without a hole")
                .hasSize((int) (2 + commandsOnDebtor))
                .last()
                .isEqualTo(1 + commandsOnDebtor);
    }

    private long projectedOpen(String debtorId) {
        DebtorAccountQuery.DebtorAccount account = debtors.find(debtorId).orElseThrow();
        assertThat(account.creditCents()).as(debtorId + " credit (projection)").isZero();
        return account.assessments().stream()
                .mapToLong(a -> a.openPrincipalCents() + a.openCostsCents() + a.openInterestCents())
                .sum();
    }

    /** Imposed plus costs minus payments, added up from the stored events alone. */
    private long eventSum(String debtorId) {
        Map<String, Long> sums = new ConcurrentHashMap<>();
        jdbc.query(
                "SELECT payloadtype, convert_from(payload, 'UTF8') FROM domainevententry"
                        + " WHERE aggregateidentifier = ?",
                row -> {
                    JsonNode event = JSON.readTree(row.getString(2));
                    String type = row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1);
                    long cents =
                            switch (type) {
                                case "AssessmentImposed" -> linesCents(event);
                                case "CostsCharged" -> event.path("amountCents").asLong();
                                case "PaymentReceived" ->
                                    -event.path("amountCents").asLong();
                                default -> throw new AssertionError("unexpected event " + type);
                            };
                    sums.merge("open", cents, Long::sum);
                },
                debtorId);
        return sums.getOrDefault("open", 0L);
    }

    private static long linesCents(JsonNode assessment) {
        long cents = 0;
        for (JsonNode line : assessment.path("lines")) {
            cents += line.path("amountCents").asLong();
        }
        return cents;
    }

    private AccountSnapshot aggregate(String debtorId) {
        return (AccountSnapshot) DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() ->
                        axon.repository(DebtorAccount.class).load(debtorId).invoke(DebtorAccount::snapshot))
                .getPayload();
    }

    private static String euro(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    @FunctionalInterface
    interface PerThread<T> {
        T run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@code threads} threads at once and returns their results in thread order. */
    private static <T> List<T> inParallel(int threads, PerThread<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                futures.add(pool.submit(() -> work.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
