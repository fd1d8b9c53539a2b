package nl.taxledger.ledger.participant;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.taxledger.ledger.api.ApproveParticipantIbanChange;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.ParticipantIbanChangeRequested;
import nl.taxledger.ledger.api.ParticipantIbanChanged;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.RemittanceSchedule;
import nl.taxledger.ledger.api.RequestParticipantIbanChange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four eyes on a participant's IBAN (domain.md §11): one supervisor requests, another approves. */
class ParticipantIbanChangeTest {
    private static final LocalDate BOOKED = LocalDate.parse("2026-02-02");
    private static final String NEW_IBAN = "NL02ABNA0123456789";
    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    private static ParticipantRegistered registered() {
        return new ParticipantRegistered("GEM-A", "Gemeente A", "NL91ABNA0417164300", RemittanceSchedule.WEEKLY,
                new BigDecimal("0.005"), 4, LocalDate.parse("2026-01-01"));
    }

    private static ParticipantIbanChangeRequested requested() {
        return new ParticipantIbanChangeRequested("GEM-A", NEW_IBAN, BOOKED);
    }

    private static ApproveParticipantIbanChange approveBy(String approver) {
        // the approver is the command's principal, given with when(…, who)
        return new ApproveParticipantIbanChange("GEM-A", NEW_IBAN, "petra", BOOKED);
    }

    @Test
    void aRequestIsRecordedAsPending() {
        fixture.given(registered())
                .when(new RequestParticipantIbanChange("GEM-A", NEW_IBAN, BOOKED))
                .expectEvents(new ParticipantIbanChangeRequested("GEM-A", NEW_IBAN, BOOKED));
    }

    @Test
    void anInvalidIbanIsNotEvenRequested() {
        fixture.given(registered())
                .when(new RequestParticipantIbanChange("GEM-A", "NL00NOTANIBAN", BOOKED))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anotherSupervisorMakesThePendingIbanEffective() {
        fixture.given(registered(), requested())
                .when(approveBy("karin"), Map.of("who", "karin"))
                .expectEvents(new ParticipantIbanChanged("GEM-A", NEW_IBAN, BOOKED));
    }

    @Test
    void theRequesterCannotApprove() {
        fixture.given(registered(), requested())
                .when(approveBy("petra"), Map.of("who", "petra"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SAME_PERSON));
    }

    @Test
    void withoutAPendingRequestThereIsNothingToApprove() {
        fixture.given(registered())
                .when(approveBy("karin"), Map.of("who", "karin"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }

    @Test
    void anApprovalOfAnotherIbanThanTheWaitingOneIsRefused() {
        fixture.given(registered(), requested())
                .when(new ApproveParticipantIbanChange("GEM-A", "NL91ABNA0417164300", "petra", BOOKED),
                        Map.of("who", "karin"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }

    @Test
    void anApprovedChangeCannotBeApprovedTwice() {
        fixture.given(registered(), requested(), new ParticipantIbanChanged("GEM-A", NEW_IBAN, BOOKED))
                .when(approveBy("karin"), Map.of("who", "karin"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }
}
