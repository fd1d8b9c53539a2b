package nl.taxledger.service.remittance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.participant.Participant;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.commandapi.CommandService;
import nl.taxledger.service.commandapi.RemittanceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issues every participant's remittance once its period has ended, so nobody has to remember to press a button.
 * Each goes through the one command path with commandId {@code auto-remittance:<participant>:<periodEnd>}: a
 * second run, or a crash halfway, issues nothing twice. Missed periods are issued one by one, oldest first.
 */
@Component
public class RemittanceScheduler {
    /** Periods issued per participant per run: a service down for a year catches up over a few runs. */
    static final int MAX_PERIODS_PER_RUN = 60;
    /** Days looked back for period ends (a bit more than a year). */
    static final int MAX_DAYS_BACK = 400;
    private static final Logger LOG = LoggerFactory.getLogger(RemittanceScheduler.class);
    private static final Actor SCHEDULER = new Actor(Principals.SCHEDULER.name(), "scheduled remittance", "scheduler");
    private final RemittanceQuery query;
    private final CommandService commands;
    private final LedgerClock clock;
    private final JdbcTemplate jdbc;

    RemittanceScheduler(RemittanceQuery query, CommandService commands, LedgerClock clock, JdbcTemplate jdbc) {
        this.query = query;
        this.commands = commands;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Daily; the cron is configurable with {@code ledger.scheduling.remittance-cron}. */
    @Scheduled(cron = "${ledger.scheduling.remittance-cron:0 30 1 * * *}", zone = "Europe/Amsterdam")
    public void run() {
        issueDue();
    }

    /** Issues what is due today; returns the commandIds sent (issued or already issued before). */
    public List<String> issueDue() {
        return Principals.runAs(Principals.SCHEDULER, this::issueDueAsScheduler);
    }

    private List<String> issueDueAsScheduler() {
        LocalDate today = clock.today();
        List<String> sent = new ArrayList<>();
        for (RemittanceQuery.ParticipantAccount participant : query.participants()) {
            for (LocalDate periodEnd : duePeriodEnds(participant, today)) {
                String commandId = "auto-remittance:" + participant.participantId() + ":" + periodEnd;
                try {
                    commands.submit("IssueRemittance", new RemittanceRequests.IssueRemittanceRequest(commandId,
                            participant.participantId(), periodEnd.toString(), null), SCHEDULER);
                    sent.add(commandId);
                } catch (LedgerRejection rejected) {
                    // one participant's refusal must not keep the others from being paid
                    LOG.warn("remittance {} refused: {} {}", commandId, rejected.code(), rejected.getMessage());
                    break;
                }
            }
        }
        return sent;
    }

    /** Period ends after the last issued one (or the registration), before today, by the schedule in force on each. */
    List<LocalDate> duePeriodEnds(RemittanceQuery.ParticipantAccount participant, LocalDate today) {
        LocalDate after = query.lastPeriodEnd(participant.participantId()).orElse(participant.registeredOn().minusDays(1));
        LocalDate from = after.plusDays(1);
        if (from.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            from = today.minusDays(MAX_DAYS_BACK);
        }
        TreeMap<LocalDate, RemittanceSchedule> schedules = schedules(participant.participantId());
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(today) && due.size() < MAX_PERIODS_PER_RUN; day = day.plusDays(1)) {
            Map.Entry<LocalDate, RemittanceSchedule> inForce = schedules.floorEntry(day);
            if (inForce != null && Participant.isPeriodEnd(inForce.getValue(), day)) {
                due.add(day);
            }
        }
        return due;
    }

    /** The participant's schedules by the first period end they apply to. */
    private TreeMap<LocalDate, RemittanceSchedule> schedules(String participantId) {
        TreeMap<LocalDate, RemittanceSchedule> schedules = new TreeMap<>();
        jdbc.query("SELECT effective_from, schedule FROM remittance_policy WHERE participant_id = ?",
                rs -> {
                    schedules.put(rs.getObject(1, LocalDate.class), RemittanceSchedule.valueOf(rs.getString(2)));
                }, participantId);
        return schedules;
    }
}
