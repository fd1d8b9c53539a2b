package nl.taxledger.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The synthetic cooperation: reproducible by seed, and never booking after the ledger's day. */
class CooperationTest {

    @Test
    void theSameSeedGivesTheSameCommands() {
        assertThat(texts(new Cooperation(42, 300, 0.25).year())).isEqualTo(texts(new Cooperation(42, 300, 0.25).year()));
    }

    @Test
    void anotherSeedGivesOtherCommands() {
        assertThat(texts(new Cooperation(42, 300, 0.25).year())).isNotEqualTo(texts(new Cooperation(43, 300, 0.25).year()));
    }

    @Test
    void everyBookingDateIsTheDayItIsSentOn() {
        for (LedgerDay day : new Cooperation(1, 500, 0.25).year()) {
            for (SyntheticCommand command : day.commands()) {
                assertThat(LocalDate.parse(command.json().get("bookingDate").asString())).isEqualTo(day.bookingDate());
            }
        }
    }

    @Test
    void daysComeInBookingDateOrder() {
        List<LedgerDay> year = new Cooperation(1, 500, 0.25).year();
        for (int i = 1; i < year.size(); i++) {
            assertThat(year.get(i).bookingDate()).isAfterOrEqualTo(year.get(i - 1).bookingDate());
        }
    }

    @Test
    void commandIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        new Cooperation(1, 500, 0.25).year().forEach(day -> day.commands()
                .forEach(command -> assertThat(ids.add(command.json().get("commandId").asString())).isTrue()));
    }

    @Test
    void participantsAreTheSlasElevenWithValidIbans() {
        assertThat(Participants.all()).hasSize(11);
        Participants.all().forEach(participant -> IbanUtil.validate(participant.iban()));
        IbanUtil.validate(Participants.debtorIban(12345));
    }

    @Test
    void billsHaveOneToFourLinesOfSeveralParticipants() {
        Set<Integer> lineCounts = new HashSet<>();
        Set<String> participants = new HashSet<>();
        for (LedgerDay day : new Cooperation(1, 500, 0.25).year()) {
            for (SyntheticCommand command : day.commands()) {
                if (command.type().equals("ImposeAssessment")) {
                    JsonNode lines = command.json().get("lines");
                    lineCounts.add(lines.size());
                    lines.forEach(line -> participants.add(line.get("participantId").asString()));
                }
            }
        }
        assertThat(lineCounts).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(participants).hasSize(11);
    }

    private static List<String> texts(List<LedgerDay> year) {
        return year.stream().flatMap(day -> day.commands().stream()).map(command -> command.json().toString()).toList();
    }
}
