package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.AgreePaymentArrangement;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.ArrangementTerm;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.DueAssessment;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.OffsetCredit;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentArrangementTermMissed;
import nl.taxledger.ledger.api.RecordArrangementTermMissed;
import nl.taxledger.ledger.api.RecordDirectDebitFailure;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deferrals, payment arrangements and direct-debit mandates (Leidraad ch. 25; reglement art. 8). */
class CollectionMeasuresTest {
    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static List<ArrangementTerm> monthlyTerms(int count) {
        List<ArrangementTerm> terms = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            terms.add(new ArrangementTerm(ISSUED.plusMonths(i), 1000));
        }
        return terms;
    }

    @Test
    void an_arrangement_has_at_most_ten_terms() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 11000)))
                .when(new AgreePaymentArrangement("S1", "BR1", List.of("A1"), monthlyTerms(11), ISSUED, ISSUED))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void the_second_missed_term_ends_the_arrangement() {
        List<ArrangementTerm> terms = monthlyTerms(10);
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        new PaymentArrangementAgreed("S1", "BR1", List.of("A1"), terms, ISSUED, ISSUED),
                        new PaymentArrangementTermMissed(
                                "S1", "BR1", terms.get(0).dueDate(), 1, ISSUED))
                .when(new RecordArrangementTermMissed("S1", "BR1", terms.get(1).dueDate(), ISSUED))
                .expectEvents(
                        new PaymentArrangementTermMissed(
                                "S1", "BR1", terms.get(1).dueDate(), 2, ISSUED),
                        new PaymentArrangementEnded(
                                "S1",
                                "BR1",
                                ArrangementOutcome.DEFAULTED,
                                terms.get(1).dueDate(),
                                ISSUED));
    }

    @Test
    void the_third_consecutive_failed_collection_ends_the_mandate() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        new DirectDebitMandateRegistered("S1", "M1", "ref", ISSUED, ISSUED),
                        new DirectDebitCollectionFailed("S1", "M1", day("2026-03-31"), "AM04", 1, ISSUED),
                        new DirectDebitCollectionFailed("S1", "M1", day("2026-04-30"), "AM04", 2, ISSUED))
                .when(new RecordDirectDebitFailure("S1", "M1", day("2026-05-31"), "AM04", ISSUED))
                .expectEvents(
                        new DirectDebitCollectionFailed("S1", "M1", day("2026-05-31"), "AM04", 3, ISSUED),
                        new DirectDebitMandateEnded("S1", "M1", "THREE_FAILURES", ISSUED, ISSUED),
                        new DirectDebitDebtFellDue(
                                "S1", "M1", List.of(new DueAssessment("A1", 10000)), ISSUED, ISSUED));
    }

    @Test
    void no_set_off_during_a_moratorium() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 10000)),
                        new DeferralGranted(
                                "S1", "D1", DeferralKind.MORATORIUM, null, ISSUED, ISSUED.plusMonths(6), ISSUED))
                .when(new OffsetCredit("S1", 100, ISSUED.plusMonths(1), null, null, ISSUED.plusMonths(1)))
                .expectException(rejectedWith(ErrorCode.SET_OFF_BLOCKED_BY_MORATORIUM));
    }
}
