package nl.taxledger.tools.backup;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rebuilds every projection of a restored ledger with the service's own processors: each streaming processor is
 * stopped, its tokens reset (its {@code @ResetHandler} empties its tables) and started again, then the run waits
 * until all have processed the last event.
 */
final class ProjectionReplay {
    private ProjectionReplay() {}

    static void rebuildAll(Map<String, Object> properties, Duration timeout, PrintWriter out) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("ledger.scheduling.enabled", "false");
        all.put("logging.level.root", "WARN");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(all)
                .run()) {
            EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .toList()) {
                processor.shutDown();
                if (processor.supportsReset()) {
                    processor.resetTokens();
                }
                processor.start();
                out.printf("  projection %s replayed from the first event%n", processor.getName());
            }
            service.getBean(ProjectionSync.class).awaitCaughtUp(timeout);
            out.println("projections rebuilt and caught up");
        }
    }
}
