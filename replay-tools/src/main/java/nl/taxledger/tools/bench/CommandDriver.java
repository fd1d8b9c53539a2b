package nl.taxledger.tools.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.security.Principals;
import nl.taxledger.tools.bench.LedgerDay.Workload;
import org.HdrHistogram.Histogram;

/**
 * Sends the cooperation's year through {@link CommandService#submit} (the code behind REST and the batch
 * import), day by day, with several client threads. A day's commands are split by partition key, so one
 * aggregate's commands keep their order on one thread; the next day starts when every thread is done.
 * Any rejection stops the bench: the generator only makes valid commands, so a rejection is a bug.
 */
final class CommandDriver implements AutoCloseable {
    static final Actor BENCH = new Actor(Principals.SYSTEM_PREFIX + "bench", null, "bench");

    private final BenchService service;
    private final CommandService commands;
    private final LedgerClock clock;
    private final int threads;
    private final ExecutorService pool;
    private final Map<Workload, Throughput> throughput = new EnumMap<>(Workload.class);
    private LagProbe lag;

    CommandDriver(BenchService service, int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in 1..64: " + threads);
        }
        this.service = service;
        this.commands = service.bean(CommandService.class);
        this.clock = service.bean(LedgerClock.class);
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
        for (Workload workload : Workload.values()) {
            throughput.put(workload, new Throughput());
        }
    }

    /** Every answered command is offered to {@code probe} (figure f), which samples them while resumed. */
    void probeLag(LagProbe probe) {
        this.lag = probe;
    }

    Throughput throughput(Workload workload) {
        return throughput.get(workload);
    }

    /** Runs the days in order; {@code beforeDay} and {@code afterDay} see each day (read load, progress). */
    void run(List<LedgerDay> days, Consumer<LedgerDay> beforeDay, Consumer<LedgerDay> afterDay) {
        for (LedgerDay day : days) {
            beforeDay.accept(day);
            runDay(day);
            afterDay.accept(day);
        }
    }

    private void runDay(LedgerDay day) {
        clock.setToday(day.bookingDate());
        List<List<SyntheticCommand>> partitions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            partitions.add(new ArrayList<>());
        }
        for (SyntheticCommand command : day.commands()) {
            partitions
                    .get(Math.floorMod(command.partitionKey().hashCode(), threads))
                    .add(command);
        }
        long headBefore = service.headIndex();
        long started = System.nanoTime();
        List<Future<Histogram>> running = new ArrayList<>();
        for (List<SyntheticCommand> partition : partitions) {
            running.add(pool.submit(() -> send(partition)));
        }
        Histogram latencies = Throughput.newHistogram();
        for (Future<Histogram> partition : running) {
            latencies.add(await(partition, day));
        }
        long elapsed = System.nanoTime() - started;
        throughput.get(day.workload()).add(latencies, day.commands().size(), service.headIndex() - headBefore, elapsed);
    }

    private Histogram send(List<SyntheticCommand> partition) {
        Histogram latencies = Throughput.newHistogram();
        for (SyntheticCommand command : partition) {
            long started = System.nanoTime();
            try {
                CommandOutcome outcome = commands.submit(command.type(), command.json(), BENCH);
                if (lag != null) {
                    lag.offer(outcome.position());
                }
            } catch (RuntimeException refused) {
                throw new IllegalStateException(
                        "the ledger refused a generated command (a bench bug or a ledger bug): " + command.json(),
                        refused);
            }
            Throughput.record(latencies, System.nanoTime() - started);
        }
        return latencies;
    }

    private static Histogram await(Future<Histogram> partition, LedgerDay day) {
        try {
            return partition.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted on " + day.bookingDate(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "day " + day.bookingDate() + " " + day.workload() + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
