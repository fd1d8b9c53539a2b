package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The CPU meter behind the bench's "where the CPU went" figures tells the JVM's work from PostgreSQL's: work done
 * in one shows up there and not as the other's. It asserts where CPU time was counted, never how fast anything is.
 */
class CpuMeterTest {

    /** Enough work to stand far above the meter's 10 ms tick. */
    private static final long WORK_NANOS = 400_000_000L;

    @Test
    void chargesTheJvmsWorkToTheJvmAndAQuerysWorkToPostgresql() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            // one session held open, as the service's pool holds its sessions
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            CpuMeter meter = CpuMeter.open(jdbc);
            assertThat(meter).as("a meter on Linux").isNotNull();

            CpuMeter.Phase jvmWork = meter.phase();
            jvmWork.start();
            spin();
            jvmWork.stop();
            CpuMeter.Use inJvm = jvmWork.per(1);

            CpuMeter.Phase queryWork = meter.phase();
            queryWork.start();
            burnInPostgres(jdbc);
            queryWork.stop();
            CpuMeter.Use inPostgres = queryWork.per(1);

            assertThat(inJvm.jvmMillisPerEvent()).isGreaterThan(WORK_NANOS / 1e6 / 2);
            assertThat(inJvm.postgresMillisPerEvent()).isLessThan(inJvm.jvmMillisPerEvent() / 4);
            assertThat(inPostgres.postgresMillisPerEvent()).isGreaterThan(WORK_NANOS / 1e6 / 2);
            assertThat(inPostgres.jvmMillisPerEvent()).isLessThan(inPostgres.postgresMillisPerEvent() / 4);
            assertThat(inPostgres.machineMillisPerEvent()).isGreaterThanOrEqualTo(inPostgres.postgresMillisPerEvent());
        }
    }

    private static long spin() {
        long until = System.nanoTime() + WORK_NANOS;
        long sum = 0;
        while (System.nanoTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + 1);
        }
        return sum;
    }

    /** A server-side loop of at least {@link #WORK_NANOS}, the JVM only waiting for its answer. */
    private static void burnInPostgres(JdbcTemplate jdbc) {
        jdbc.execute("DO $$ DECLARE until TIMESTAMPTZ := clock_timestamp() + interval '" + WORK_NANOS / 1_000_000
                + " milliseconds'; BEGIN WHILE clock_timestamp() < until LOOP PERFORM 1; END LOOP; END $$");
    }
}
