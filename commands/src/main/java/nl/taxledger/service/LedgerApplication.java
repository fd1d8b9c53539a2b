package nl.taxledger.service;

import org.springframework.boot.SpringApplication;
import nl.taxledger.projections.ProjectionsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The ledger service. */
@SpringBootApplication
@Import(ProjectionsConfiguration.class)
public class LedgerApplication {
    /** Axon's update checker calls out to the internet; this service makes no calls it was not asked to. */
    public static void disableAxonUpdateChecker() {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(LedgerApplication.class, args);
    }
}
