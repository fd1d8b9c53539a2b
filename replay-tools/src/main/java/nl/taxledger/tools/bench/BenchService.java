package nl.taxledger.tools.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.embeddeddb.EmbeddedPostgresInitializer;
import nl.taxledger.service.security.LocalUsers;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real service (Spring context, Axon, projections, REST on a free loopback port) on a fresh embedded
 * PostgreSQL, as in the scenario runner; closed with the bench.
 */
final class BenchService implements AutoCloseable {
    /** Client threads + four projection processors of two segments + readers, with room to spare. */
    static final int POOL_SIZE = 24;

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext context;

    /** The service's local user the batch import signs in as (a throw-away database: a fresh password each run). */
    static final String IMPORT_USER = "bench";

    private final String importPassword = UUID.randomUUID().toString();

    private BenchService(EmbeddedPostgres postgres, ConfigurableApplicationContext context) {
        this.postgres = postgres;
        this.context = context;
        context.getBean(LocalUsers.class)
                .create(
                        IMPORT_USER,
                        importPassword,
                        EnumSet.of(Role.CLERK),
                        Optional.empty(),
                        Principals.SYSTEM_PREFIX + "bench");
    }

    /** {@code Authorization} header value of the import user (HTTP Basic). */
    String importAuthorization() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((IMPORT_USER + ":" + importPassword).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code durable}: the settings of the service's own data directory (a commit is on disk before it is
     * acknowledged); otherwise zonky's settings for throw-away test databases. Ledger and baselines share them.
     */
    static BenchService start(boolean durable) {
        return start(durable, false);
    }

    /** {@code sqlProfile}: with {@code pg_stat_statements} loaded ({@link SqlProfile}). */
    static BenchService start(boolean durable, boolean sqlProfile) {
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (sqlProfile) {
                SqlProfile.preload(builder);
            }
            postgres = (durable ? EmbeddedPostgresInitializer.durable(builder) : builder).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
            properties.put("spring.datasource.hikari.maximum-pool-size", POOL_SIZE);
            properties.put("server.port", 0);
            properties.put("server.address", "127.0.0.1");
            properties.put("logging.level.root", "WARN");
            properties.put("ledger.scheduling.enabled", "false");
            // a throw-away ledger's chain anchors must not land among the real ones in ./data/anchors
            properties.put("ledger.anchors.dir", throwAwayAnchorDirectory());
            // as arguments, not default properties: those rank below application.yml (server.port 8080)
            String[] arguments = properties.entrySet().stream()
                    .map(p -> "--" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(arguments);
            return new BenchService(postgres, context);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The database as a JDBC URL with its user, for another JVM. */
    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int httpPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The highest global index appended so far (0 when empty). */
    long headIndex() {
        Long head = jdbc().queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    String postgresVersion() {
        return jdbc().queryForObject("SHOW server_version", String.class);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }

    private static String throwAwayAnchorDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ledger-anchors").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a directory for the chain anchors", e);
        }
    }
}
