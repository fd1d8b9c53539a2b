package nl.taxledger.service.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database does not start on a port another process holds, and names that process: the orphaned
 * postmaster of a killed service used to surface as "password authentication failed for user postgres".
 */
class PortGuardTest {

    @Test
    void a_free_port_is_let_through(@TempDir Path root) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(root.resolve("postgres"), port, false);

        assertThatCode(() -> PortGuard.ensureAvailable(settings)).doesNotThrowAnyException();
    }

    @Test
    void a_port_held_by_another_program_is_refused_with_the_way_out(@TempDir Path root) throws Exception {
        try (ServerSocket other = new ServerSocket(0)) {
            EmbeddedPostgresSettings settings =
                    new EmbeddedPostgresSettings(root.resolve("postgres"), other.getLocalPort(), false);

            assertThatThrownBy(() -> PortGuard.ensureAvailable(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + other.getLocalPort() + " is already in use")
                    .hasMessageContaining("--ledger.embedded.port");
        }
    }

    @Test
    void a_postgres_left_running_on_another_data_directory_is_named_with_its_pid(@TempDir Path root) throws Exception {
        Path orphanData = root.resolve("earlier").toAbsolutePath();
        try (EmbeddedPostgres orphan =
                EmbeddedPostgres.builder().setDataDirectory(orphanData).start()) {
            int port = orphan.getPort();
            EmbeddedPostgresSettings elsewhere = new EmbeddedPostgresSettings(root.resolve("postgres"), port, false);
            EmbeddedPostgresSettings same = new EmbeddedPostgresSettings(orphanData, port, false);

            assertThatThrownBy(() -> PortGuard.ensureAvailable(elsewhere))
                    .hasMessageContaining(orphanData.normalize().toString())
                    .hasMessageContaining("kill ");
            // the same directory's postmaster is adopted by zonky (same passwords) and stopped with the service
            assertThatCode(() -> PortGuard.ensureAvailable(same)).doesNotThrowAnyException();
            assertThat(PortGuard.postgresOn(port))
                    .map(PortGuard.Holder::dataDirectory)
                    .contains(orphanData.normalize());
        }
    }
}
