package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.account.Facts.day;
import static nl.taxledger.ledger.testing.LedgerEvents.line;
import static nl.taxledger.ledger.testing.LedgerEvents.principal;
import static nl.taxledger.ledger.testing.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.DeferralEnded;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.ImposeAssessment;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.ReceivePayment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bestuurlijke boete under deferral is settled after the assessment it belongs to (domain.md §4, Leidraad 4.5).
 * Tax assessment A1 of 100.00 and its fine B1 of 50.00 are issued the same day; the fine is due a month earlier,
 * so oldest first would settle the fine first.
 */
class AdministrativeFineTest {
    private static final LocalDate PAID = day("2026-03-10");
    private static final AssessmentImposed TAX = new AssessmentImposed("S1", "A1", ISSUED, ISSUED.plusMonths(2), "A1",
            List.of(line("L1", "GEM-A", "OZB", 100_00)), ISSUED);
    private static final AssessmentImposed FINE = new AssessmentImposed("S1", "B1", ISSUED, ISSUED.plusMonths(1), "B1",
            List.of(line("L1", "GEM-A", "OZB", 50_00)), ISSUED, AssessmentKind.BESTUURLIJKE_BOETE, "A1");
    private static final DeferralGranted FINE_DEFERRED = deferral("B1", day("2026-03-01"));

    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    private static ReceivePayment pay(long cents, String directedAssessmentId) {
        return new ReceivePayment("S1", "P1", cents, PAID, directedAssessmentId, directedAssessmentId,
                PaymentChannel.TRANSFER, null, PAID);
    }

    private static PaymentReceived received(long cents, String directedAssessmentId, Allocation... allocations) {
        return new PaymentReceived("S1", "P1", cents, PAID, directedAssessmentId, "TRANSFER", null, false, 0,
                List.of(allocations), 0, PAID);
    }

    /** 120.00 paid: the whole 100.00 of tax assessment A1 first, the 20.00 left to its fine B1. */
    private static PaymentReceived assessmentBeforeFine(String directedAssessmentId) {
        return received(120_00, directedAssessmentId, principal("A1", "L1", "P1", 100_00),
                principal("B1", "L1", "P1", 20_00));
    }

    /** 120.00 paid oldest first: the whole 50.00 of fine B1 (due a month earlier), the 70.00 left to A1. */
    private static PaymentReceived oldestFirst() {
        return received(120_00, null, principal("B1", "L1", "P1", 50_00), principal("A1", "L1", "P1", 70_00));
    }

    private static DeferralGranted deferral(String assessmentId, LocalDate from) {
        return new DeferralGranted("S1", "D1", DeferralKind.OBJECTION, assessmentId, from, day("2026-12-31"),
                day("2026-03-01"));
    }

    /** Imposes a 50.00 assessment of the given kind, belonging to {@code belongsToAssessmentId}. */
    private static ImposeAssessment impose(String assessmentId, AssessmentKind kind, String belongsToAssessmentId) {
        return new ImposeAssessment("S1", assessmentId, ISSUED, ISSUED.plusMonths(1), assessmentId,
                List.of(line("L1", "GEM-A", "OZB", 50_00)), ISSUED, kind, belongsToAssessmentId);
    }

    @Test
    void an_undirected_payment_settles_the_assessment_before_its_deferred_fine_and_the_surplus_goes_to_the_fine() {
        fixture.given(TAX, FINE, FINE_DEFERRED).when(pay(120_00, null)).expectEvents(assessmentBeforeFine(null));
    }

    @Test
    void without_a_deferral_the_fine_is_settled_oldest_first_like_any_assessment() {
        fixture.given(TAX, FINE).when(pay(120_00, null)).expectEvents(oldestFirst());
    }

    @Test
    void a_deferral_counts_on_the_value_date_of_the_payment() {
        fixture.given(TAX, FINE, deferral("B1", day("2026-04-01")))
                .when(pay(120_00, null))
                .expectEvents(oldestFirst());
    }

    @Test
    void an_ended_deferral_no_longer_puts_the_fine_after_its_assessment() {
        fixture.given(TAX, FINE, FINE_DEFERRED, new DeferralEnded("S1", "D1", day("2026-03-05"), "bezwaar afgewezen",
                        day("2026-03-05")))
                .when(pay(120_00, null))
                .expectEvents(oldestFirst());
    }

    @Test
    void a_deferral_of_all_the_debtors_debts_covers_the_fine_too() {
        fixture.given(TAX, FINE, deferral(null, day("2026-03-01")))
                .when(pay(120_00, null))
                .expectEvents(assessmentBeforeFine(null));
    }

    @Test
    void a_payment_directed_at_the_fine_under_deferral_settles_the_assessment_it_belongs_to_first() {
        fixture.given(TAX, FINE, FINE_DEFERRED).when(pay(120_00, "B1")).expectEvents(assessmentBeforeFine("B1"));
    }

    /** Given tax assessment A1 and its fine B1, a new assessment naming what it belongs to is checked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a fine names the assessment it belongs to              | B2 | BESTUURLIJKE_BOETE |    | VALIDATION_FAILED
            a fine belongs to an assessment of the same debtor     | B2 | BESTUURLIJKE_BOETE | A9 | UNKNOWN_ASSESSMENT
            a fine belongs to a tax assessment not to another fine | B2 | BESTUURLIJKE_BOETE | B1 | VALIDATION_FAILED
            a tax assessment belongs to no other assessment        | A2 | AANSLAG            | A1 | VALIDATION_FAILED
            """)
    void what_an_assessment_belongs_to_is_checked(String rule, String assessmentId, AssessmentKind kind,
            String belongsToAssessmentId, ErrorCode refusal) {
        fixture.given(TAX, FINE)
                .when(impose(assessmentId, kind, belongsToAssessmentId))
                .expectException(rejectedWith(refusal));
    }

    @Test
    void the_fact_of_a_fine_records_its_kind_and_the_assessment_it_belongs_to() {
        fixture.given(TAX).when(impose("B1", AssessmentKind.BESTUURLIJKE_BOETE, "A1")).expectEvents(FINE);
    }
}
