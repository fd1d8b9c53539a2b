package nl.taxledger.service.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured and points Boot's
 * ordinary DataSource at it, so the service runs without an installed database.
 *
 * <p>An initializer rather than an EnvironmentPostProcessor because only the context can tell us when to stop
 * PostgreSQL: it is registered as the first disposable bean, and Spring destroys those in reverse order, so
 * PostgreSQL stops after the connection pool and the event processors, also when startup fails.
 */
public final class EmbeddedPostgresInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE = "ledgerEmbeddedPostgres";
    private static final String DATABASE = "postgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        DefaultSingletonBeanRegistry registry = registry(context);
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.from(environment);
        boolean legacy = DatabaseRoles.ensurePasswords(settings.dataDirectory());
        EmbeddedPostgres postgres = start(settings, legacy);
        registry.registerDisposableBean("ledgerEmbeddedPostgres", stopper(postgres, settings));
        DatabaseRoles.provision(postgres, settings.dataDirectory(), legacy);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(postgres, settings)));
    }

    /** The service runs as the application role; Flyway migrates as the owner (DatabaseRoles). */
    private static Map<String, Object> properties(EmbeddedPostgres postgres, EmbeddedPostgresSettings settings) {
        Path data = settings.dataDirectory();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url",
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                "spring.datasource.username",
                DatabaseRoles.APP,
                "spring.datasource.password",
                DatabaseRoles.password(data, DatabaseRoles.APP),
                "spring.flyway.user",
                DatabaseRoles.OWNER,
                "spring.flyway.password",
                DatabaseRoles.password(data, DatabaseRoles.OWNER),
                "ledger.embedded.password-dir",
                DatabaseRoles.passwordDirectory(data).toString()));
        if (!settings.ephemeral()) {
            // where secrets of this installation go: ./data for ./data/postgres (the initial admin password)
            properties.put(
                    "ledger.embedded.secrets-dir",
                    data.toAbsolutePath().normalize().getParent().toString());
        }
        return properties;
    }

    private static DefaultSingletonBeanRegistry registry(ConfigurableApplicationContext context) {
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            return registry;
        }
        throw new IllegalStateException("Cannot tie embedded PostgreSQL to " + context.getBeanFactory());
    }

    private static EmbeddedPostgres start(EmbeddedPostgresSettings settings, boolean legacy) {
        PortGuard.ensureAvailable(settings);
        try {
            Files.createDirectories(settings.dataDirectory());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(settings.ephemeral())
                    .setPort(settings.port())
                    // the context stops it; a JVM hook would race the pool's own shutdown
                    .setRegisterShutdownHook(false);
            if (!settings.ephemeral()) {
                durable(builder);
            }
            DatabaseRoles.secure(builder, settings.dataDirectory(), legacy);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + settings.dataDirectory(), e);
        }
    }

    /**
     * zonky tunes for throw-away test databases (synchronous_commit, fsync, full_page_writes off); a ledger's own
     * data directory must survive a crash: a committed booking is on disk before it is acknowledged. Public so the
     * bench measures on exactly these settings.
     */
    public static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on");
    }

    private static DisposableBean stopper(EmbeddedPostgres postgres, EmbeddedPostgresSettings settings) {
        return () -> {
            postgres.close();
            if (settings.ephemeral()) {
                deleteRecursively(settings.dataDirectory());
                deleteRecursively(DatabaseRoles.passwordDirectory(settings.dataDirectory()));
            }
        };
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
