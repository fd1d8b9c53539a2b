package nl.taxledger.service.embeddeddb;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * For tests that build their own tables or tamper with the event store on purpose: the schema owner's connection
 * (what Flyway uses). The service's own connection may do neither (DatabaseRoles).
 */
public final class OwnerConnection {
    private OwnerConnection() {
    }

    public static JdbcTemplate jdbc(Environment environment) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password")));
    }
}
