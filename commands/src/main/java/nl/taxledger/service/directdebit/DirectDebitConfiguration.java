package nl.taxledger.service.directdebit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The direct-debit settings as a bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectDebitSettings.class)
class DirectDebitConfiguration {}
