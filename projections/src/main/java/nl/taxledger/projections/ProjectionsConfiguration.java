package nl.taxledger.projections;

import javax.sql.DataSource;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.balance.DebtorBalanceProjection;
import nl.taxledger.projections.history.DebtorHistoryProjection;
import nl.taxledger.projections.history.DebtorHistoryQuery;
import nl.taxledger.projections.reconciliation.ReconciliationProjection;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import nl.taxledger.projections.suspense.SuspenseProjection;
import nl.taxledger.projections.suspense.SuspenseQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models for the service to {@code @Import}. Axon's Spring auto-configuration picks up
 * the projection beans by their {@code @EventHandler} methods and assigns them to their
 * {@code @ProcessingGroup}, which the service maps to one processor ({@link ReadModels}). The templates
 * are built on the shared DataSource, so they join the transaction in which the processor also stores
 * its token.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean
    DebtorBalanceProjection debtorBalanceProjection(DataSource dataSource) {
        return new DebtorBalanceProjection(new JdbcTemplate(dataSource));
    }

    @Bean
    ReconciliationProjection reconciliationProjection(DataSource dataSource) {
        return new ReconciliationProjection(new JdbcTemplate(dataSource));
    }

    @Bean
    SuspenseProjection suspenseProjection(DataSource dataSource) {
        return new SuspenseProjection(new JdbcTemplate(dataSource));
    }

    @Bean
    DebtorHistoryProjection debtorHistoryProjection(DataSource dataSource) {
        return new DebtorHistoryProjection(new JdbcTemplate(dataSource));
    }

    @Bean
    public DebtorAccountQuery debtorAccountQuery(DataSource dataSource) {
        return new DebtorAccountQuery(new JdbcTemplate(dataSource));
    }

    @Bean
    public DebtorHistoryQuery debtorHistoryQuery(DataSource dataSource) {
        return new DebtorHistoryQuery(new JdbcTemplate(dataSource));
    }

    @Bean
    public ReconciliationQuery reconciliationQuery(DataSource dataSource) {
        return new ReconciliationQuery(new JdbcTemplate(dataSource));
    }

    @Bean
    public SuspenseQuery suspenseQuery(DataSource dataSource) {
        return new SuspenseQuery(new JdbcTemplate(dataSource));
    }
}
