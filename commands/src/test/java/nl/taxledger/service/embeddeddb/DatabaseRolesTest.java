package nl.taxledger.service.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The embedded PostgreSQL's roles: passwords for everyone, and the event store append-only for the service. */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=security")
class DatabaseRolesTest {
    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${ledger.embedded.password-dir}")
    Path passwords;

    @Test
    void the_service_runs_as_the_application_role() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APP);
    }

    @Test
    void the_application_role_may_not_update_or_delete_an_event_or_a_chain_link() {
        for (String statement : new String[] {
            "UPDATE domainevententry SET payloadtype = payloadtype",
            "DELETE FROM domainevententry",
            "TRUNCATE domainevententry",
            "UPDATE event_hash_chain SET hash = hash",
            "DELETE FROM event_hash_chain",
            "UPDATE command_log SET result_type = result_type",
            "DELETE FROM command_log",
            "UPDATE ledger_chain SET hash = hash",
            "DELETE FROM ledger_chain",
            "UPDATE ledger_chain_head SET hash = hash",
            "INSERT INTO ledger_chain (position, source, row_key, previous_hash, hash)"
                    + " VALUES (999999, 'EVENT', '1', 'x', 'y')",
            "SELECT ledger_chain_append('EVENT', '1', '\\x00'::bytea)"
        }) {
            assertThatThrownBy(() -> jdbc.execute(statement))
                    .as(statement)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void the_application_role_may_append_and_read_events() {
        assertThat(jdbc.queryForObject(
                        "SELECT has_table_privilege('domainevententry', 'INSERT')"
                                + " AND has_table_privilege('command_log', 'INSERT')",
                        Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) >= 0 FROM domainevententry", Boolean.class))
                .isTrue();
    }

    @Test
    void the_read_only_role_reads_and_writes_nothing() throws Exception {
        try (Connection reader =
                        DriverManager.getConnection(url, DatabaseRoles.READ_ONLY, password("ledger_readonly"));
                Statement sql = reader.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM domainevententry").next())
                    .isTrue();
            assertThatThrownBy(() -> sql.execute("DELETE FROM command_log")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE intruder (x int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void no_connection_without_the_password_not_even_the_superuser() {
        assertThatThrownBy(() -> DriverManager.getConnection(url, DatabaseRoles.SUPERUSER, "")
                        .close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, DatabaseRoles.APP, "guess")
                        .close())
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void the_passwords_are_readable_by_their_owner_only() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords.resolve("ledger_app"))))
                .isEqualTo("rw-------");
    }

    private String password(String role) throws Exception {
        return Files.readString(passwords.resolve(role)).strip();
    }
}
