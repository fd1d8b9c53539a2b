package nl.taxledger.tools.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the CPU of a phase went (issue 14: "for every target missed, why, measured"): the machine's busy time from
 * {@code /proc/stat}, the bench JVM's own CPU time (the service runs in it), and PostgreSQL's: the postmaster and
 * every process it started, from {@code /proc/<pid>/stat} (an ended backend's time is in the postmaster's
 * {@code cutime} once the postmaster has reaped it; a session that ends right at a sample may be missed in that
 * moment, which the service's pooled sessions, open for a whole phase, never do). Divided by a phase's events it gives the CPU an event costs, and against the
 * machine's cores the rate that cost allows: a target faster than that needs a cheaper event, not a tuning.
 *
 * <p>Linux only: elsewhere {@link #open} answers null and the report says the figures were not taken.
 */
final class CpuMeter {
    /** {@code /proc} counts in USER_HZ ticks, 100 a second on every Linux this runs on (`getconf CLK_TCK`). */
    static final double MILLIS_PER_TICK = 10;
    /** A bound on the {@code /proc} scan: a machine with more processes than this is not the bench's. */
    static final int MAX_PROCESSES = 100_000;

    private final long postmasterPid;
    private final OperatingSystemMXBean jvm;
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** CPU used between {@link #start()} and {@link #stop()} calls, summed over every start/stop pair. */
    static final class Phase {
        private final CpuMeter meter;
        private Sample started;
        private double wallMillis;
        private double machineBusyMillis;
        private double machineTotalMillis;
        private double jvmMillis;
        private double postgresMillis;

        private Phase(CpuMeter meter) {
            this.meter = meter;
        }

        void start() {
            started = meter.sample();
        }

        void stop() {
            if (started == null) {
                throw new IllegalStateException("stop without start");
            }
            Sample now = meter.sample();
            wallMillis += (now.wallNanos - started.wallNanos) / 1e6;
            machineBusyMillis += (now.busyTicks - started.busyTicks) * MILLIS_PER_TICK;
            machineTotalMillis += (now.totalTicks - started.totalTicks) * MILLIS_PER_TICK;
            jvmMillis += (now.jvmNanos - started.jvmNanos) / 1e6;
            postgresMillis += (now.postgresTicks - started.postgresTicks) * MILLIS_PER_TICK;
            started = null;
        }

        /** The phase's figures per event; {@code events} is what the phase stored. */
        Use per(long events) {
            if (events <= 0) {
                throw new IllegalArgumentException("a phase without events has no cost per event");
            }
            return new Use(
                    events,
                    wallMillis,
                    machineTotalMillis > 0 ? machineBusyMillis / machineTotalMillis : Double.NaN,
                    jvmMillis / events,
                    postgresMillis / events,
                    Math.max(0, machineBusyMillis - jvmMillis - postgresMillis) / events,
                    meter.cores);
        }
    }

    /**
     * One phase's CPU per event: the service's JVM (commands, read models, and the bench's own clients and probes,
     * which run in it), PostgreSQL, and the rest of the machine; {@code busyShare} is how busy the machine was.
     */
    record Use(
            long events,
            double wallMillis,
            double busyShare,
            double jvmMillisPerEvent,
            double postgresMillisPerEvent,
            double restMillisPerEvent,
            int cores) {

        double machineMillisPerEvent() {
            return jvmMillisPerEvent + postgresMillisPerEvent + restMillisPerEvent;
        }

        /** Events per second the machine's cores allow at this cost per event, were they busy all the time. */
        double eventsPerSecondAllowed() {
            return cores * 1000.0 / machineMillisPerEvent();
        }

        /** The CPU one event may cost for {@code eventsPerSecond} on this machine's cores. */
        double budgetMillisFor(double eventsPerSecond) {
            return cores * 1000.0 / eventsPerSecond;
        }
    }

    private record Sample(long wallNanos, long busyTicks, long totalTicks, long jvmNanos, long postgresTicks) {}

    private CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
        this.jvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    /** A meter for the PostgreSQL behind {@code jdbc}; null where there is no {@code /proc} to read. */
    static CpuMeter open(JdbcTemplate jdbc) {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return null;
        }
        String dataDirectory = jdbc.queryForObject("SHOW data_directory", String.class);
        try {
            List<String> pidFile = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"));
            CpuMeter meter = new CpuMeter(Long.parseLong(pidFile.get(0).trim()));
            meter.sample(); // fails here, not mid-run, when /proc cannot be read
            return meter;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    Phase phase() {
        return new Phase(this);
    }

    private Sample sample() {
        try {
            long[] machine = machineTicks();
            return new Sample(System.nanoTime(), machine[0], machine[1], jvm.getProcessCpuTime(), postgresTicks());
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read /proc for the CPU figures", unreadable);
        }
    }

    /** Busy and total ticks of all CPUs: user nice system idle iowait irq softirq steal. */
    private static long[] machineTicks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] fields = cpu.trim().split("\\s+");
        if (!"cpu".equals(fields[0]) || fields.length < 9) {
            throw new IOException("unexpected /proc/stat: " + cpu);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[field]);
        }
        return new long[] {busy, busy + idle};
    }

    /** The postmaster's own and ended children's time, plus the time of every live child. */
    private long postgresTicks() throws IOException {
        long[] postmaster = stat(postmasterPid);
        if (postmaster == null) {
            throw new IOException("the postmaster (pid " + postmasterPid + ") is gone");
        }
        long ticks = postmaster[1] + postmaster[2] + postmaster[3] + postmaster[4];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            List<Path> numbered = processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .limit(MAX_PROCESSES)
                    .toList();
            for (Path process : numbered) {
                long[] child = stat(Long.parseLong(process.getFileName().toString()));
                if (child != null && child[0] == postmasterPid) {
                    ticks += child[1] + child[2];
                }
            }
        }
        return ticks;
    }

    /** ppid, utime, stime, cutime, cstime of a process; null when it has ended. */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException ended) {
            return null;
        }
        // the command name (field 2) is in parentheses and may hold spaces: the fields after it are fixed
        String[] after = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
        // after[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17
        return new long[] {
            Long.parseLong(after[1]),
            Long.parseLong(after[11]),
            Long.parseLong(after[12]),
            Long.parseLong(after[13]),
            Long.parseLong(after[14])
        };
    }
}
