package nl.taxledger.service.aggregates;

import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.participant.Participant;
import nl.taxledger.ledger.period.LedgerPeriods;
import nl.taxledger.ledger.suspense.SuspenseAssignment;
import nl.taxledger.ledger.suspense.UnmatchedPayment;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Spring-free aggregates of the {@code ledger} module with Axon, and the one
 * command handler that works on two aggregates (assigning a payment from suspense).
 */
@Configuration(proxyBeanMethods = false)
class AggregatesConfiguration {

    @Bean
    ConfigurerModule ledgerAggregates() {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(DebtorAccount.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Participant.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(UnmatchedPayment.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LedgerPeriods.class));
            configurer.registerCommandHandler(config -> new SuspenseAssignment(
                    config.repository(UnmatchedPayment.class), config.repository(DebtorAccount.class)));
        };
    }
}
