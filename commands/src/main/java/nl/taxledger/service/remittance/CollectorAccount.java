package nl.taxledger.service.remittance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The collector's own bank account, the debtor side of every remittance credit transfer
 * ({@code ledger.collector.name/iban/bic} in application.yml).
 */
@ConfigurationProperties(prefix = "ledger.collector")
public record CollectorAccount(String name, String iban, String bic) {
}
