package nl.taxledger.ledger.release;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.taxledger.ledger.api.ApproveRemittanceRun;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four eyes on a remittance run's credit-transfer file (domain.md §11): one rule per test. */
class RemittanceRunReleaseTest {
    private static final LocalDate PERIOD_END = LocalDate.parse("2026-01-04");
    private static final LocalDate BOOKED = LocalDate.parse("2026-01-05");
    private static final String RUN = ApproveRemittanceRun.runId(PERIOD_END);
    private static final String CONTENT = "a".repeat(64);
    private static final String CHANGED = "b".repeat(64);
    private AggregateTestFixture<RemittanceRunRelease> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RemittanceRunRelease.class);
    }

    private static ApproveRemittanceRun approve(String content, String... issuers) {
        return new ApproveRemittanceRun(RUN, PERIOD_END, content, Set.of(issuers), BOOKED);
    }

    private static Map<String, String> by(String who) {
        return Map.of("who", who);
    }

    private static RemittanceRunApproved approved(String content, int releaseNumber) {
        return new RemittanceRunApproved(RUN, PERIOD_END, content, releaseNumber, BOOKED);
    }

    @Test
    void aSupervisorWhoIssuedNoneOfTheRunApprovesItAsTheFirstRelease() {
        fixture.givenNoPriorActivity()
                .when(approve(CONTENT, "system:scheduler"), by("petra"))
                .expectEvents(approved(CONTENT, 1));
    }

    @Test
    void theIssuerApprovingTheirOwnRunIsTheSamePerson() {
        fixture.givenNoPriorActivity()
                .when(approve(CONTENT, "jan", "system:scheduler"), by("jan"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SAME_PERSON));
    }

    @Test
    void approvingUnchangedContentAgainReleasesNothingNew() {
        fixture.given(approved(CONTENT, 1))
                .when(approve(CONTENT, "system:scheduler"), by("karin"))
                .expectNoEvents()
                .expectResultMessagePayload(approved(CONTENT, 1));
    }

    @Test
    void changedContentIsTheNextRelease() {
        fixture.given(approved(CONTENT, 1))
                .when(approve(CHANGED, "system:scheduler", "jan"), by("petra"))
                .expectEvents(approved(CHANGED, 2));
    }

    @Test
    void aRunWithoutRemittancesCannotBeApproved() {
        fixture.givenNoPriorActivity()
                .when(new ApproveRemittanceRun(RUN, PERIOD_END, null, Set.of(), BOOKED), by("petra"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }
}
