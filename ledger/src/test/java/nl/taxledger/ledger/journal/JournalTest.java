package nl.taxledger.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.EveryFact;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PrincipalReceipt;
import org.junit.jupiter.api.Test;

class JournalTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final Journal journal = new Journal();

    private JournalEntry impose() {
        return journal.post(new AssessmentImposed("S1", "A1", DAY, DAY.plusMonths(2), "A1",
                List.of(new LineSpec("L1", "GEM-A", "OZB", 2026, 100_00)), DAY));
    }

    @Test
    void an_assessment_debits_the_receivable_and_credits_imposed_of_its_cell() {
        assertThat(impose().lines()).extracting(JournalLine::account, JournalLine::dimension, JournalLine::amountCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Account.RECEIVABLE, "GEM-A|OZB|2026", 100_00L),
                        org.assertj.core.groups.Tuple.tuple(Account.IMPOSED, "GEM-A|OZB|2026", -100_00L));
    }

    @Test
    void principal_received_moves_from_the_receivable_to_the_bank_and_becomes_payable_to_the_participant() {
        impose();
        JournalEntry entry = journal.post(new PaymentReceived("S1", "P1", 120_00, DAY, "A1", "TRANSFER", null, false, 0,
                List.of(new Allocation("A1", Component.PRINCIPAL, "L1", "P1", 100_00)), 20_00, DAY));
        assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::amountCents).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Account.BANK, 120_00L),
                org.assertj.core.groups.Tuple.tuple(Account.DEBTOR_CREDIT, -20_00L),
                org.assertj.core.groups.Tuple.tuple(Account.RECEIVABLE, -100_00L),
                org.assertj.core.groups.Tuple.tuple(Account.RECEIVED, 100_00L),
                org.assertj.core.groups.Tuple.tuple(Account.PAYABLE, -100_00L));
    }

    @Test
    void a_payment_whose_amounts_do_not_add_up_stops_the_journal() {
        impose();
        assertThatThrownBy(() -> journal.post(new PaymentReceived("S1", "P1", 120_00, DAY, "A1", "TRANSFER", null, false,
                0, List.of(new Allocation("A1", Component.PRINCIPAL, "L1", "P1", 100_00)), 0, DAY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not balance");
    }

    @Test
    void a_listed_fact_without_money_books_nothing() {
        assertThat(journal.post(new DeferralGranted("S1", "D1", DeferralKind.values()[0], "A1", DAY, DAY.plusMonths(1), DAY))
                .lines()).isEmpty();
    }

    @Test
    void a_remittance_pays_from_the_bank_and_moves_the_reserve_out_of_what_is_payable() {
        JournalEntry entry = journal.post(new nl.taxledger.ledger.api.RemittanceIssued("GEM-A", DAY.minusDays(6), DAY,
                List.of(), 100_00, 50, 0, 0, 99_50, 0, DAY));
        assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::amountCents).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Account.PAYABLE, 100_00L),
                org.assertj.core.groups.Tuple.tuple(Account.RESERVE, -50L),
                org.assertj.core.groups.Tuple.tuple(Account.BANK, -99_50L));
    }

    @Test
    void a_remittance_short_of_money_pays_nothing_and_leaves_the_shortfall_owed_on_the_payable_account() {
        JournalEntry entry = journal.post(new nl.taxledger.ledger.api.RemittanceIssued("GEM-A", DAY.minusDays(6), DAY,
                List.of(), -30_00, -15, 0, 0, 0, 29_85, DAY));
        assertThat(entry.lines()).extracting(JournalLine::account, JournalLine::amountCents).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Account.RESERVE, 15L),
                org.assertj.core.groups.Tuple.tuple(Account.PAYABLE, -15L));
    }

    @Test
    void every_fact_type_is_booked_or_known_to_book_nothing() {
        for (LedgerFact fact : EveryFact.inOrder()) {
            JournalEntry entry = journal.post(fact);
            assertThat(List.of(entry.factType(), entry.effectiveDate(), entry.bookingDate()))
                    .containsExactly(fact.getClass().getSimpleName(), fact.effectiveDate(), fact.bookingDate());
        }
    }

    @Test
    void what_is_received_for_a_participant_is_the_facts_principal_receipts_and_nothing_else() {
        for (LedgerFact fact : EveryFact.inOrder()) {
            long receivedCents = journal.post(fact).lines().stream().filter(l -> l.account() == Account.RECEIVED)
                    .mapToLong(JournalLine::amountCents).sum();
            assertThat(receivedCents).as(fact.getClass().getSimpleName())
                    .isEqualTo(fact.principalReceipts().stream().mapToLong(PrincipalReceipt::amountCents).sum());
        }
    }
}
