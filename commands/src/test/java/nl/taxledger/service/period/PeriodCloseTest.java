package nl.taxledger.service.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.commandapi.Actor;
import nl.taxledger.service.commandapi.CommandOutcome;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Period close through the real command path (domain.md §8 PERIOD_CLOSED). The close is ledger-wide and the
 * context is shared, so these tests close only periods up to February 2021, which no other test books in;
 * they run in order because each close is permanent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@LedgerServiceTest
class PeriodCloseTest {
    private static final Actor CLERK = new Actor("medewerker-17", "jaarafsluiting 2020", "test");

    @Autowired
    LedgerClient ledger;

    private CommandOutcome submit(String type, String json) {
        return ledger.submitAs(CLERK, type, json);
    }

    @Test
    @Order(1)
    void a_booking_into_a_closed_period_is_refused_and_appends_nothing() {
        ledger.today(LocalDate.of(2020, 12, 31));
        submit("RegisterParticipant", """
                {"commandId":"pc-reg","participantId":"GEM-PC","name":"Gemeente PC","iban":"NL91ABNA0417164300"}""");
        CommandOutcome imposedBeforeClose = submit("ImposeAssessment", """
                {"commandId":"pc-imp","assessmentId":"A-PC","debtorId":"S-PC","issueDate":"2020-12-01","dueDate":"2021-01-31",
                 "lines":[{"lineId":"L1","participantId":"GEM-PC","taxType":"OZB","taxYear":2020,"amount":"100.00"}]}""");
        ledger.today(LocalDate.of(2021, 1, 4));
        submit("ClosePeriod", """
                {"commandId":"pc-close","through":"2020-12-31"}""");
        long before = ledger.events();

        assertThatThrownBy(() -> submit("ReceivePayment", """
                {"commandId":"pc-pay-late","paymentId":"P-PC-1","amount":"10.00","reference":"A-PC","valueDate":"2020-12-30",
                 "bookingDate":"2020-12-31"}"""))
                .isInstanceOfSatisfying(LedgerRejection.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.PERIOD_CLOSED));
        assertThat(ledger.events()).isEqualTo(before);

        // the same payment booked after the close is a normal booking (value date in the closed period is fine)
        submit("ReceivePayment", """
                {"commandId":"pc-pay","paymentId":"P-PC-1","amount":"10.00","reference":"A-PC","valueDate":"2020-12-30"}""");
        assertThat(ledger.events()).isGreaterThan(before);
        // a command accepted before the close, sent again, still returns its first result
        assertThat(submit("ImposeAssessment", """
                {"commandId":"pc-imp","assessmentId":"A-PC","debtorId":"S-PC","issueDate":"2020-12-01","dueDate":"2021-01-31",
                 "lines":[{"lineId":"L1","participantId":"GEM-PC","taxType":"OZB","taxYear":2020,"amount":"100.00"}]}""").replayed())
                .isTrue();
        assertThat(imposedBeforeClose.replayed()).isFalse();
    }

    @Test
    @Order(2)
    void a_close_that_goes_back_is_refused() {
        ledger.today(LocalDate.of(2021, 3, 5));
        submit("ClosePeriod", """
                {"commandId":"pc-close-feb-2021","through":"2021-02-28"}""");
        assertThatThrownBy(() -> submit("ClosePeriod", """
                {"commandId":"pc-close-back","through":"2021-01-31"}"""))
                .isInstanceOfSatisfying(LedgerRejection.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .as("names the field").hasMessageContaining("through");
    }
}
