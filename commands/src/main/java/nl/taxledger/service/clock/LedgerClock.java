package nl.taxledger.service.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The ledger's "today" (domain.md §2): booking dates default to it and may not lie after it.
 * The scenario runner and tests move it; the service otherwise follows the wall clock in the
 * Netherlands.
 */
@Component
public class LedgerClock {
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private final AtomicReference<LocalDate> fixedToday = new AtomicReference<>();
    private final Clock wallClock = Clock.system(NETHERLANDS);

    public LocalDate today() {
        LocalDate fixed = fixedToday.get();
        return fixed != null ? fixed : LocalDate.now(wallClock);
    }

    /** Pins today to a date (scenario runner, tests); {@code null} returns to the wall clock. */
    public void setToday(LocalDate today) {
        fixedToday.set(today);
    }
}
