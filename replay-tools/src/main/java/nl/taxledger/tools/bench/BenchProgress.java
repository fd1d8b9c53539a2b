package nl.taxledger.tools.bench;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error, only when a terminal is attached; otherwise it does nothing. */
final class BenchProgress implements AutoCloseable {
    private final ProgressBar bar;

    private BenchProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static BenchProgress onTerminal(String task, long total) {
        if (System.console() == null) {
            return new BenchProgress(null);
        }
        return new BenchProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" commands", 1).showSpeed().setUpdateIntervalMillis(500).build());
    }

    void step(long done) {
        if (bar != null) {
            bar.stepBy(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
