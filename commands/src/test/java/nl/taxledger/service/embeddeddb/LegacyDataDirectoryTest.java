package nl.taxledger.service.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.taxledger.service.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data directory from before the database roles (everything owned by {@code postgres}, every local connection
 * trusted) is converted at its first start: passwords, roles, the tables handed to the owner, trust gone.
 */
class LegacyDataDirectoryTest {

    @Test
    void a_data_directory_from_before_the_roles_is_converted_at_its_first_start(@TempDir Path root) throws Exception {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start()) {
            // the service as it was: migrated and run as the superuser over a trusted connection
            new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + old.getJdbcUrl("postgres", "postgres"),
                            "spring.datasource.username=postgres", "ledger.scheduling.enabled=false")
                    .run().close();
        }

        try (ConfigurableApplicationContext converted = new SpringApplicationBuilder(LedgerApplication.class)
                // as arguments: default properties rank below application.yml (ledger.embedded.data-dir)
                .web(WebApplicationType.NONE).run("--ledger.embedded.data-dir=" + data,
                        "--ledger.embedded.port=0", "--ledger.scheduling.enabled=false")) {
            JdbcTemplate jdbc = converted.getBean(JdbcTemplate.class);
            String url = converted.getEnvironment().getProperty("spring.datasource.url");

            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APP);
            assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'domainevententry'",
                    String.class)).isEqualTo(DatabaseRoles.OWNER);
            assertThat(jdbc.queryForObject("SELECT has_table_privilege('domainevententry', 'UPDATE')", Boolean.class))
                    .isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            Path passwords = DatabaseRoles.passwordDirectory(data);
            try (var listing = Files.walk(root, 1)) {
                assertThat(passwords.resolve("ledger_app")).as(listing.toList().toString()).isRegularFile();
            }
        }
    }
}
