package nl.taxledger.tools.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.taxledger.service.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code --data} on a stopped service's directory: the read-only role, the service's durable settings. */
class OpenStoreTest {

    @Test
    void a_stopped_services_data_directory_opens_read_only_with_durable_settings(@TempDir Path root) {
        Path data = root.resolve("postgres");
        // as arguments: default properties rank below application.yml (ledger.embedded.data-dir)
        new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                .run("--ledger.embedded.data-dir=" + data, "--ledger.embedded.port=0",
                        "--ledger.scheduling.enabled=false", "--logging.level.root=WARN")
                .close();

        try (OpenStore store = OpenStore.dataDirectory(data)) {
            JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("ledger_readonly");
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isZero();
        }
    }
}
