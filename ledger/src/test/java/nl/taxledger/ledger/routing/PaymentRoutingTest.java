package nl.taxledger.ledger.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.routing.PaymentRouting.AssessmentOfDebtor;
import nl.taxledger.ledger.routing.PaymentRouting.Directed;
import nl.taxledger.ledger.routing.PaymentRouting.Suspense;
import nl.taxledger.ledger.routing.PaymentRouting.Undirected;
import org.junit.jupiter.api.Test;

/** Where a payment goes: directed, undirected or suspense (domain.md §3). */
class PaymentRoutingTest {
    /** Debtor S1 with assessment A1 (reference REF-A1), debtor S2 with assessment A2 (reference REF-A2). */
    private static final PaymentRouting.Lookups LEDGER = new PaymentRouting.Lookups() {
        private final Map<String, AssessmentOfDebtor> byReference = Map.of(
                "REF-A1", new AssessmentOfDebtor("A1", "S1"), "REF-A2", new AssessmentOfDebtor("A2", "S2"));
        private final Set<String> debtors = Set.of("S1", "S2");

        @Override
        public Optional<AssessmentOfDebtor> assessmentByPaymentReference(String paymentReference) {
            return Optional.ofNullable(byReference.get(paymentReference));
        }

        @Override
        public boolean debtorExists(String debtorId) {
            return debtors.contains(debtorId);
        }
    };

    @Test
    void a_payment_reference_directs_the_payment_at_its_assessment() {
        assertThat(PaymentRouting.payment(null, "REF-A1", LEDGER)).isEqualTo(new Directed("S1", "A1"));
    }

    @Test
    void a_subject_number_as_reference_books_undirected_on_that_debtor() {
        assertThat(PaymentRouting.payment(null, "S2", LEDGER)).isEqualTo(new Undirected("S2"));
    }

    @Test
    void an_unknown_reference_goes_to_suspense() {
        assertThat(PaymentRouting.payment(null, "nonsense", LEDGER)).isEqualTo(new Suspense());
    }

    @Test
    void no_reference_and_no_debtor_goes_to_suspense() {
        assertThat(PaymentRouting.payment(null, null, LEDGER)).isEqualTo(new Suspense());
    }

    @Test
    void a_named_debtor_with_another_debtors_reference_is_undirected() {
        assertThat(PaymentRouting.payment("S1", "REF-A2", LEDGER)).isEqualTo(new Undirected("S1"));
    }

    @Test
    void a_named_debtor_with_its_own_reference_is_directed() {
        assertThat(PaymentRouting.payment("S2", "REF-A2", LEDGER)).isEqualTo(new Directed("S2", "A2"));
    }

    @Test
    void a_named_debtor_the_ledger_does_not_hold_is_refused() {
        assertThatThrownBy(() -> PaymentRouting.payment("S9", "REF-A1", LEDGER))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(ErrorCode.UNKNOWN_DEBTOR));
    }

    @Test
    void money_on_a_known_debtor_without_reference_is_undirected() {
        assertThat(PaymentRouting.onDebtor("S1", null, LEDGER)).isEqualTo(new Undirected("S1"));
    }
}
