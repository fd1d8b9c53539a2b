package nl.taxledger.service.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL no longer trusts every local connection: every role signs in with a generated password
 * (SCRAM), kept in {@code <data dir>-passwords/<role>} (a directory and files only the OS user may read), and
 * each part of the service gets only what it needs:
 * <ul>
 *   <li>{@code postgres}: the superuser, only to create the roles below;</li>
 *   <li>{@code ledger_owner}: owns the schema, Flyway migrates as it;</li>
 *   <li>{@code ledger_app}: the running service; reads and writes, but may never UPDATE, DELETE or TRUNCATE the
 *   event store ({@code domainevententry}) or the command log, and may not write the ledger chain
 *   ({@code ledger_chain}, {@code ledger_chain_head}, the old {@code event_hash_chain}) at all: its links are
 *   written by the chain's triggers (V70), as the schema owner; what was booked stays;</li>
 *   <li>{@code ledger_readonly}: SELECT only, for replay-tools.</li>
 * </ul>
 * With an external {@code spring.datasource.url} none of this runs: there the roles are the operator's job
 * (docs/security.md lists the GRANTs).
 */
public final class DatabaseRoles {
    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "ledger_owner";
    public static final String APP = "ledger_app";
    public static final String READ_ONLY = "ledger_readonly";
    public static final String DATABASE = "postgres";
    private static final List<String> ROLES = List.of(SUPERUSER, OWNER, APP, READ_ONLY);
    private static final int PASSWORD_BYTES = 24;
    /** Only password (SCRAM) sign-ins, only from this machine; written at every start, so it cannot drift. */
    static final String PG_HBA = """
            # Written by the ledger service at every start (DatabaseRoles): passwords (SCRAM) for every connection.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            # pg_basebackup of the running instance (README, "Backup and restore"): the superuser, from this machine
            local replication postgres scram-sha-256
            host  replication postgres 127.0.0.1/32 scram-sha-256
            host  replication postgres ::1/128 scram-sha-256
            """;

    private DatabaseRoles() {}

    /** {@code ./data/postgres} → {@code ./data/postgres-passwords}. */
    public static Path passwordDirectory(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-passwords");
    }

    /** The password of {@code role} for the data directory, or null when the directory never had passwords. */
    public static String password(Path dataDirectory, String role) {
        Path file = passwordDirectory(dataDirectory).resolve(role);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Makes the missing password files; answers whether the data directory predates passwords (it exists, but its
     * superuser had none), so that this one start has to set them over the old trust rule.
     */
    static boolean ensurePasswords(Path dataDirectory) {
        Path directory = passwordDirectory(dataDirectory);
        boolean legacy = Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))
                && !Files.isRegularFile(directory.resolve(SUPERUSER));
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            for (String role : ROLES) {
                Path file = directory.resolve(role);
                if (!Files.isRegularFile(file)) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, randomPassword() + "\n", StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the database passwords in " + directory, e);
        }
        return legacy;
    }

    /**
     * initdb gives the superuser its password (no moment without one), and before every start pg_hba.conf allows
     * password sign-ins only; a legacy directory keeps its trust rule for this one start, until {@link #provision}.
     */
    static EmbeddedPostgres.Builder secure(EmbeddedPostgres.Builder builder, Path dataDirectory, boolean legacy) {
        builder.setLocaleConfig(
                "pwfile", passwordDirectory(dataDirectory).resolve(SUPERUSER).toString());
        builder.setConnectConfig("password", password(dataDirectory, SUPERUSER));
        if (!legacy) {
            builder.setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()));
        }
        return builder;
    }

    /** Roles, passwords and grants; idempotent, run at every start as the superuser. */
    static void provision(EmbeddedPostgres postgres, Path dataDirectory, boolean legacy) {
        DataSource superuser =
                postgres.getDatabase(SUPERUSER, DATABASE, Map.of("password", password(dataDirectory, SUPERUSER)));
        try (Connection connection = superuser.getConnection();
                Statement sql = connection.createStatement()) {
            for (String role : ROLES) {
                if (!role.equals(SUPERUSER)) {
                    sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "')"
                            + " THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
                }
                sql.execute("ALTER ROLE " + role + " PASSWORD '" + password(dataDirectory, role) + "'");
            }
            for (String statement : GRANTS) {
                sql.execute(statement);
            }
            if (legacy) {
                writeHba(dataDirectory);
                sql.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the database roles", e);
        }
    }

    /**
     * What each role may. Tables made before (by {@code postgres}, in a directory from before the roles) pass to
     * the owner; later tables get the same grants by default privileges, and Flyway's {@code afterMigrate.sql}
     * takes UPDATE, DELETE and TRUNCATE on the event store and the hash chain away again after every migration.
     */
    private static final List<String> GRANTS = List.of(
            "REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC",
            "GRANT CONNECT ON DATABASE " + DATABASE + " TO " + OWNER + ", " + APP + ", " + READ_ONLY,
            "GRANT USAGE, CREATE ON SCHEMA public TO " + OWNER,
            "GRANT USAGE ON SCHEMA public TO " + APP + ", " + READ_ONLY,
            """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                         AND pg_get_userbyid(c.relowner) <> 'ledger_owner'
                         AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                                  WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
              LOOP
                EXECUTE format('ALTER %s public.%I OWNER TO ledger_owner',
                    CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                   WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
              END LOOP;
            END $$""",
            "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO " + APP,
            "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + APP,
            "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public GRANT SELECT ON TABLES TO " + READ_ONLY,
            "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public" + " GRANT SELECT ON SEQUENCES TO "
                    + READ_ONLY,
            "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO " + APP,
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + APP,
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READ_ONLY,
            """
            DO $$ BEGIN
              IF to_regclass('public.domainevententry') IS NOT NULL THEN
                REVOKE UPDATE, DELETE, TRUNCATE ON domainevententry FROM ledger_app;
              END IF;
              IF to_regclass('public.event_hash_chain') IS NOT NULL THEN
                REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON event_hash_chain FROM ledger_app;
              END IF;
              IF to_regclass('public.ledger_chain') IS NOT NULL THEN
                REVOKE UPDATE, DELETE, TRUNCATE ON command_log FROM ledger_app;
                REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ledger_chain, ledger_chain_head FROM ledger_app;
              END IF;
            END $$""");

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDirectory, e);
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: no quote, so it can stand in ALTER ROLE … PASSWORD '…'
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
