package nl.taxledger.projections.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code imposed − reductions − exemptions − annulments − remissions − uncollectible − received = outstanding}
 * per participant × tax type × tax year (domain.md §6).
 */
public class ReconciliationQuery {

    private static final String CELLS = "SELECT participant_id, tax_type, tax_year,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'IMPOSED') AS imposed,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'VERMINDERING') AS reductions,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'ONTHEFFING') AS exemptions,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'VERNIETIGING') AS annulments,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'REMISSION') AS remissions,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'UNCOLLECTIBLE') AS uncollectible,"
            + " SUM(amount_cents) FILTER (WHERE measure = 'RECEIVED') AS received"
            + " FROM reconciliation_movement WHERE %s"
            + " GROUP BY participant_id, tax_type, tax_year ORDER BY participant_id, tax_type, tax_year";

    private final JdbcTemplate jdbc;

    public ReconciliationQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Cell(String participantId, String taxType, int taxYear, long imposedCents, long reductionsCents,
                       long exemptionsCents, long annulmentsCents, long remissionsCents, long uncollectibleCents,
                       long receivedCents, long outstandingCents) {
    }

    /** The identity "sum of all debtors' open principal = sum of outstanding"; {@link #holds()} checks it. */
    public record Totals(long openPrincipalCents, long outstandingCents) {

        public boolean holds() {
            return openPrincipalCents == outstandingCents;
        }
    }

    public Optional<Cell> cell(String participantId, String taxType, int taxYear) {
        return cell(participantId, taxType, taxYear, null, null);
    }

    /**
     * The cell as of effective date {@code asOf}, as known at booking date {@code knownAt}; null means no limit.
     */
    public Optional<Cell> cell(String participantId, String taxType, int taxYear, LocalDate asOf, LocalDate knownAt) {
        List<Object> args = new ArrayList<>(List.of(participantId, taxType, taxYear));
        String where = "participant_id = ? AND tax_type = ? AND tax_year = ?" + dateLimits(asOf, knownAt, args);
        return jdbc.query(CELLS.formatted(where), ReconciliationQuery::cell, args.toArray()).stream().findFirst();
    }

    /** Every cell, ordered by participant, tax type and tax year. */
    public List<Cell> all() {
        return jdbc.query(CELLS.formatted("TRUE"), ReconciliationQuery::cell);
    }

    public Totals totals() {
        // open principal comes from the debtor-balances group: two independent projections must agree
        Long openPrincipalCents = jdbc.queryForObject("SELECT COALESCE(SUM(open_cents), 0) FROM balance_line", Long.class);
        long outstandingCents = all().stream().mapToLong(Cell::outstandingCents).sum();
        return new Totals(openPrincipalCents, outstandingCents);
    }

    private static String dateLimits(LocalDate asOf, LocalDate knownAt, List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (asOf != null) {
            where.append(" AND effective_date <= ?");
            args.add(asOf);
        }
        if (knownAt != null) {
            where.append(" AND booking_date <= ?");
            args.add(knownAt);
        }
        return where.toString();
    }

    private static Cell cell(ResultSet rs, int rowNum) throws SQLException {
        long imposed = rs.getLong("imposed");
        long reductions = rs.getLong("reductions");
        long exemptions = rs.getLong("exemptions");
        long annulments = rs.getLong("annulments");
        long remissions = rs.getLong("remissions");
        long uncollectible = rs.getLong("uncollectible");
        long received = rs.getLong("received");
        long outstanding = imposed - reductions - exemptions - annulments - remissions - uncollectible - received;
        return new Cell(rs.getString("participant_id"), rs.getString("tax_type"), rs.getInt("tax_year"), imposed,
                reductions, exemptions, annulments, remissions, uncollectible, received, outstanding);
    }
}
