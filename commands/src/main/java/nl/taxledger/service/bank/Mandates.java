package nl.taxledger.service.bank;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A direct-debit mandate as the scenario format's {@code mandate} expectation sees it: ACTIVE or ENDED, with the
 * end reason ({@code MandateEndReason} name, older texts read as that set) and end date.
 */
@Component
public class Mandates {
    private final JdbcTemplate jdbc;

    Mandates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Mandate(
            String debtorId,
            String mandateId,
            LocalDate signedDate,
            String status,
            String endReason,
            LocalDate endDate,
            String explanation) {}

    public Optional<Mandate> find(String debtorId, String mandateId) {
        List<Mandate> rows = jdbc.query(
                "SELECT debtor_id, mandate_id, signed_date, status, end_reason, end_date,"
                        + " explanation FROM mandate_status WHERE debtor_id = ? AND mandate_id = ?",
                (rs, row) -> new Mandate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7)),
                debtorId,
                mandateId);
        return rows.stream().findFirst();
    }
}
