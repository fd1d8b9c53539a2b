package nl.taxledger.projections.balance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.taxledger.projections.history.DebtorHistoryQuery;
import nl.taxledger.projections.history.DebtorHistoryQuery.Fact;
import org.springframework.jdbc.core.JdbcTemplate;

/** A debtor's account as it stands: open amounts per assessment, credit, payments and history. */
public class DebtorAccountQuery {

    private final JdbcTemplate jdbc;
    private final DebtorHistoryQuery historyQuery;

    public DebtorAccountQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.historyQuery = new DebtorHistoryQuery(jdbc);
    }

    public record DebtorAccount(String debtorId, long creditCents, List<AssessmentBalance> assessments,
                                List<Payment> payments) {

        public Optional<AssessmentBalance> assessment(String assessmentId) {
            return assessments.stream().filter(a -> a.assessmentId().equals(assessmentId)).findFirst();
        }
    }

    public record AssessmentBalance(String assessmentId, LocalDate issueDate, LocalDate dueDate, String paymentReference,
                                    long openCostsCents, long openInterestCents, long openPrincipalCents,
                                    List<Line> lines, List<CostItem> costItems, List<InterestItem> interestItems) {
    }

    public record Line(String lineId, String participantId, String taxType, int taxYear, long imposedCents,
                       long openCents) {
    }

    public record CostItem(String costId, String kind, LocalDate date, long chargedCents, long openCents) {
    }

    public record InterestItem(String interestId, LocalDate date, long chargedCents, long openCents) {
    }

    public record Payment(String paymentId, long amountCents, LocalDate valueDate, LocalDate bookingDate,
                          String channel, boolean reversed) {
    }

    public Optional<DebtorAccount> find(String debtorId) {
        List<Long> credit = jdbc.queryForList(
                "SELECT credit_cents FROM balance_debtor WHERE debtor_id = ?", Long.class, debtorId);
        if (credit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DebtorAccount(debtorId, credit.get(0), assessments(debtorId), payments(debtorId)));
    }

    /** Every fact about the debtor in the order it was stored, with who/why/source/commandId. */
    public List<Fact> history(String debtorId) {
        return historyQuery.history(debtorId);
    }

    private List<AssessmentBalance> assessments(String debtorId) {
        Map<String, List<Line>> lines = lines(debtorId);
        Map<String, List<CostItem>> costs = costItems(debtorId);
        Map<String, List<InterestItem>> interest = interestItems(debtorId);
        return jdbc.query("SELECT * FROM balance_assessment WHERE debtor_id = ? ORDER BY issue_date, due_date, assessment_id",
                (rs, n) -> {
                    String id = rs.getString("assessment_id");
                    List<Line> ls = lines.getOrDefault(id, List.of());
                    List<CostItem> cs = costs.getOrDefault(id, List.of());
                    List<InterestItem> is = interest.getOrDefault(id, List.of());
                    return new AssessmentBalance(id, rs.getObject("issue_date", LocalDate.class),
                            rs.getObject("due_date", LocalDate.class), rs.getString("payment_reference"),
                            cs.stream().mapToLong(CostItem::openCents).sum(),
                            is.stream().mapToLong(InterestItem::openCents).sum(),
                            ls.stream().mapToLong(Line::openCents).sum(), ls, cs, is);
                }, debtorId);
    }

    private Map<String, List<Line>> lines(String debtorId) {
        return byAssessment("SELECT l.* FROM balance_line l JOIN balance_assessment a USING (assessment_id)"
                        + " WHERE a.debtor_id = ? ORDER BY l.assessment_id, l.line_id",
                debtorId, rs -> new Line(rs.getString("line_id"), rs.getString("participant_id"),
                        rs.getString("tax_type"), rs.getInt("tax_year"), rs.getLong("imposed_cents"),
                        rs.getLong("open_cents")));
    }

    private Map<String, List<CostItem>> costItems(String debtorId) {
        return byAssessment("SELECT c.* FROM balance_cost_item c JOIN balance_assessment a USING (assessment_id)"
                        + " WHERE a.debtor_id = ? ORDER BY c.assessment_id, c.charge_date, c.cost_id",
                debtorId, rs -> new CostItem(rs.getString("cost_id"), rs.getString("kind"),
                        rs.getObject("charge_date", LocalDate.class), rs.getLong("charged_cents"),
                        rs.getLong("open_cents")));
    }

    private Map<String, List<InterestItem>> interestItems(String debtorId) {
        return byAssessment("SELECT i.* FROM balance_interest_item i JOIN balance_assessment a USING (assessment_id)"
                        + " WHERE a.debtor_id = ? ORDER BY i.assessment_id, i.charge_date, i.interest_id",
                debtorId, rs -> new InterestItem(rs.getString("interest_id"),
                        rs.getObject("charge_date", LocalDate.class), rs.getLong("charged_cents"),
                        rs.getLong("open_cents")));
    }

    private List<Payment> payments(String debtorId) {
        return jdbc.query("SELECT * FROM balance_payment WHERE debtor_id = ? ORDER BY booking_date, payment_id",
                (rs, n) -> new Payment(rs.getString("payment_id"), rs.getLong("amount_cents"),
                        rs.getObject("value_date", LocalDate.class), rs.getObject("booking_date", LocalDate.class),
                        rs.getString("channel"), rs.getBoolean("reversed")), debtorId);
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, List<T>> byAssessment(String sql, String debtorId, Row<T> row) {
        record Keyed<T>(String assessmentId, T value) {
        }
        List<Keyed<T>> rows = jdbc.query(sql, (rs, n) -> new Keyed<>(rs.getString("assessment_id"), row.map(rs)), debtorId);
        return rows.stream().collect(Collectors.groupingBy(Keyed::assessmentId, LinkedHashMap::new,
                Collectors.mapping(Keyed::value, Collectors.toList())));
    }
}
