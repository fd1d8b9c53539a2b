package nl.taxledger.ledger.release;

import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.ApproveRefunds;
import nl.taxledger.ledger.api.ApproveRefunds.RefundToRelease;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.RefundsReleased;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four eyes on refunds (domain.md §11): one refund payment file per approval. One rule per test. */
class RefundBatchTest {
    private static final LocalDate BOOKED = LocalDate.parse("2026-03-02");
    private AggregateTestFixture<RefundBatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RefundBatch.class);
    }

    @Test
    void aSupervisorReleasesTheRefundsAClerkBooked() {
        fixture.givenNoPriorActivity()
                .when(new ApproveRefunds("RB-1", List.of(new RefundToRelease("F1", 20_00, "clara"),
                        new RefundToRelease("F2", 5_00, "clara")), BOOKED), Map.of("who", "petra"))
                .expectEvents(new RefundsReleased("RB-1", List.of("F1", "F2"), 25_00, BOOKED));
    }

    @Test
    void refundsTheApproverBookedAreLeftOut() {
        fixture.givenNoPriorActivity()
                .when(new ApproveRefunds("RB-1", List.of(new RefundToRelease("F1", 20_00, "clara"),
                        new RefundToRelease("F2", 5_00, "petra")), BOOKED), Map.of("who", "petra"))
                .expectEvents(new RefundsReleased("RB-1", List.of("F1"), 20_00, BOOKED));
    }

    @Test
    void anApproverWhoBookedEveryWaitingRefundIsTheSamePerson() {
        fixture.givenNoPriorActivity()
                .when(new ApproveRefunds("RB-1", List.of(new RefundToRelease("F2", 5_00, "petra")), BOOKED),
                        Map.of("who", "petra"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.SAME_PERSON));
    }

    @Test
    void withoutWaitingRefundsThereIsNothingToApprove() {
        fixture.givenNoPriorActivity()
                .when(new ApproveRefunds("RB-1", List.of(), BOOKED), Map.of("who", "petra"))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.INVALID_STATE));
    }
}
