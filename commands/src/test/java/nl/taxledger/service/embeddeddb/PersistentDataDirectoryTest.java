package nl.taxledger.service.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import nl.taxledger.service.LedgerApplication;
import nl.taxledger.service.clock.LedgerClock;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The embedded default keeps the ledger in its data directory: a restart finds every event again. */
class PersistentDataDirectoryTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        // as arguments: default properties rank below application.yml, which names ./data/postgres
        return new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                .run("--ledger.embedded.data-dir=" + dataDir.resolve("postgres"), "--ledger.embedded.port=0",
                        "--ledger.scheduling.enabled=false");
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    @Test
    void a_restart_on_the_same_data_directory_keeps_the_ledger(@TempDir Path dataDir) {
        long eventsBeforeRestart;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(LedgerClock.class).setToday(LocalDate.of(2026, 3, 1));
            first.getBean(CommandService.class).submit("RegisterParticipant", JsonMapper.builder().build().readTree(
                    "{\"commandId\":\"r1\",\"participantId\":\"GEM-A\",\"name\":\"A\",\"iban\":\"NL91ABNA0417164300\"}"),
                    new Actor("test", null, "test"));
            eventsBeforeRestart = events(first);
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            // durable on disk, unlike zonky's defaults for throw-away databases
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(eventsBeforeRestart).isEqualTo(1);
            assertThat(events(second)).isEqualTo(eventsBeforeRestart);
            assertThat(second.getBean(JdbcTemplate.class).queryForList(
                    "SELECT participant_id FROM lookup_participant", String.class)).containsExactly("GEM-A");
        }
    }
}
