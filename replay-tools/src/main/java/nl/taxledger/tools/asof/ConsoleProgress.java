package nl.taxledger.tools.asof;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.taxledger.service.asof.EventStoreReader;

/**
 * A progress bar with rate and ETA on standard error, only when a terminal is attached: piped or
 * redirected runs (and tests) get clean output.
 */
final class ConsoleProgress implements EventStoreReader.Progress, AutoCloseable {
    private ProgressBar bar;
    private final boolean enabled;

    private ConsoleProgress(boolean enabled) {
        this.enabled = enabled;
    }

    static ConsoleProgress onTerminal() {
        return new ConsoleProgress(System.console() != null);
    }

    @Override
    public void total(long events) {
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName("as-of").setInitialMax(events).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" events", 1).showSpeed().setUpdateIntervalMillis(250).build();
        }
    }

    @Override
    public void read(long globalIndex) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
