package nl.taxledger.ledger.account;

import static nl.taxledger.ledger.account.Facts.ISSUED;
import static nl.taxledger.ledger.testing.LedgerEvents.imposed;
import static nl.taxledger.ledger.testing.LedgerEvents.line;

import java.time.LocalDate;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.RegisterDirectDebitMandate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct-debit mandates (domain.md §10): when one starts, and one active mandate per debtor. */
class MandateTest {
    private static final LocalDate SIGNED = LocalDate.of(2026, 2, 13);
    private static final LocalDate BOOKED = LocalDate.of(2026, 2, 16);
    /** The last TARGET2 working day of February 2026 (the 28th is a Saturday). */
    private static final LocalDate FEBRUARY_MOMENT = LocalDate.of(2026, 2, 27);

    private AggregateTestFixture<DebtorAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DebtorAccount.class);
    }

    @Test
    void a_mandate_starts_at_the_first_collection_moment_after_its_signature() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)))
                .when(new RegisterDirectDebitMandate("S1", "M1", "ref-1", SIGNED, BOOKED))
                .expectEvents(new DirectDebitMandateRegistered("S1", "M1", "ref-1", SIGNED, BOOKED, FEBRUARY_MOMENT));
    }

    @Test
    void a_mandate_signed_on_a_collection_moment_starts_at_the_next_one() {
        fixture.given(imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)))
                .when(new RegisterDirectDebitMandate("S1", "M1", "ref-1", FEBRUARY_MOMENT, BOOKED))
                .expectEvents(new DirectDebitMandateRegistered(
                        "S1", "M1", "ref-1", FEBRUARY_MOMENT, BOOKED, LocalDate.of(2026, 3, 31)));
    }

    @Test
    void a_new_mandate_replaces_the_active_one_from_its_own_start() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                        new DirectDebitMandateRegistered("S1", "M1", "ref-1", ISSUED, ISSUED, null))
                .when(new RegisterDirectDebitMandate("S1", "M2", "ref-2", SIGNED, BOOKED))
                .expectEvents(
                        new DirectDebitMandateEnded("S1", "M1", "REPLACED", FEBRUARY_MOMENT, BOOKED),
                        new DirectDebitMandateRegistered("S1", "M2", "ref-2", SIGNED, BOOKED, FEBRUARY_MOMENT));
    }

    @Test
    void an_ended_mandate_is_not_replaced_again() {
        fixture.given(
                        imposed("S1", "A1", ISSUED, line("L1", "GEM-A", "OZB", 100_00)),
                        new DirectDebitMandateRegistered("S1", "M1", "ref-1", ISSUED, ISSUED, null),
                        new DirectDebitMandateEnded("S1", "M1", "REVOKED", ISSUED.plusDays(5), ISSUED))
                .when(new RegisterDirectDebitMandate("S1", "M2", "ref-2", SIGNED, BOOKED))
                .expectEvents(new DirectDebitMandateRegistered("S1", "M2", "ref-2", SIGNED, BOOKED, FEBRUARY_MOMENT));
    }
}
