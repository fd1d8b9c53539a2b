package nl.taxledger.tools.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * What the cooperation books on one day, of one kind of work. The ledger clock is set to {@code bookingDate}
 * before any of it is sent: every command's booking date is that day, never later.
 */
record LedgerDay(LocalDate bookingDate, Workload workload, List<SyntheticCommand> commands) {

    /** The kinds of work the bench reports separately. */
    enum Workload {
        SETUP, ASSESSMENT_RUN, PAYMENT_DAY, DECISIONS, REMITTANCE
    }
}
