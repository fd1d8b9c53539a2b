package nl.taxledger.service.bank;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A payment as the scenario format's {@code payment} expectation sees it: the debtor it is booked on now (null while
 * in suspense), the §9 rule that matched it when it was booked, and the assessment that rule directed it at.
 */
@Component
public class BankPayments {
    private final JdbcTemplate jdbc;

    BankPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Payment(String paymentId, String debtorId, String matchedBy, String assessmentId,
                          String suspenseReason) {
    }

    public Optional<Payment> find(String paymentId) {
        List<Payment> rows = jdbc.query("SELECT p.payment_id, p.debtor_id, t.matched_by, t.assessment_id,"
                        + " t.suspense_reason FROM lookup_payment p"
                        + " LEFT JOIN bank_transaction t ON t.payment_id = p.payment_id WHERE p.payment_id = ?",
                (rs, row) -> new Payment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), paymentId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
