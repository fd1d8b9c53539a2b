package nl.taxledger.service.remittance;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The collector's account for credit transfers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorAccount.class)
class RemittanceConfiguration {

    /** Scheduled jobs run unless {@code ledger.scheduling.enabled=false} (tests, the scenario runner). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "ledger.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
