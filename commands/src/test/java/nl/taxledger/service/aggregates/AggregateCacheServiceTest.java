package nl.taxledger.service.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.taxledger.service.embeddeddb.OwnerConnection;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pitfall: Axon caches an aggregate when the command's unit of work commits, which is before the command's
 * PostgreSQL transaction commits. If that transaction then fails, the next command must still decide on the
 * stored events only: a payment that was rolled back must not have used up any of the debt.
 */
@LedgerServiceTest
class AggregateCacheServiceTest {
    @Autowired
    LedgerClient ledger;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    /** Participant GEM-{key}, debtor S-{key} with assessment A-{key} of 100.00, committed. */
    private void givenAnAssessmentOf100(String key) {
        ledger.today(LocalDate.of(2026, 3, 2));
        ledger.submit("RegisterParticipant", """
                {"commandId":"%1$s-reg","participantId":"GEM-%1$s","name":"Gemeente %1$s","iban":"NL91ABNA0417164300"}"""
                .formatted(key));
        ledger.submit("ImposeAssessment", """
                {"commandId":"%1$s-imp","assessmentId":"A-%1$s","debtorId":"S-%1$s","issueDate":"2026-02-27","dueDate":"2026-04-30",
                 "lines":[{"lineId":"L1","participantId":"GEM-%1$s","taxType":"OZB","taxYear":2026,"amount":"100.00"}]}"""
                .formatted(key));
    }

    @Test
    void a_command_after_a_rolled_back_transaction_decides_on_the_stored_events_only() {
        givenAnAssessmentOf100("AC");

        // the unit of work commits (and Axon caches the account), then the surrounding transaction fails
        transaction.executeWithoutResult(status -> {
            ledger.submit("ReceivePayment", """
                    {"commandId":"ac-pay-lost","paymentId":"P-AC-1","amount":"30.00","reference":"A-AC","valueDate":"2026-03-02"}""");
            status.setRollbackOnly();
        });
        CommandOutcome paid = ledger.submit("ReceivePayment", """
                {"commandId":"ac-pay","paymentId":"P-AC-2","amount":"100.00","reference":"A-AC","valueDate":"2026-03-02"}""");

        assertThat(paid.result().path("creditCents").asLong()).as("nothing of the lost payment is left as debt paid")
                .isZero();
        assertThat(paid.result().path("allocations").get(0).path("amountCents").asLong()).isEqualTo(10_000);
        List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry"
                + " WHERE aggregateidentifier = 'S-AC' ORDER BY sequencenumber", Long.class);
        assertThat(sequence).as("the account's events, without a hole where the lost payment was").containsExactly(0L, 1L);
    }

    @Test
    void a_committed_command_leaves_the_account_in_the_cache_for_the_next() {
        givenAnAssessmentOf100("AC2");
        // an event in the store that the cached account has not seen: a cache hit decides without it
        // tampering on purpose: only the schema owner may (the service's role may not update an event)
        OwnerConnection.jdbc(environment).update(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"amountCents\":10000', '\"amountCents\":5000'), 'UTF8') WHERE aggregateidentifier = 'S-AC2'");

        CommandOutcome paid = ledger.submit("ReceivePayment", """
                {"commandId":"ac2-pay","paymentId":"P-AC2-1","amount":"100.00","reference":"A-AC2","valueDate":"2026-03-02"}""");

        assertThat(paid.result().path("creditCents").asLong()).as("decided on the cached 100.00, not the edited 50.00")
                .isZero();
    }
}
