package nl.taxledger.service.directdebit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The direct-debit tables read: runs, their collections (with the debtor's IBAN and name from the erasable register,
 * for the pain.008 only), mandates and a debtor's terms. Command-side tables: a run is readable the moment
 * PrepareDirectDebitRun returns.
 */
@Component
public class DirectDebitQuery {
    /** One run collects at most one term per assessment; more rows than this is a broken table. */
    static final int MAX_COLLECTIONS_PER_RUN = 2_000_000;
    /** A debtor with more mandates or terms than this is a broken table. */
    static final int MAX_PER_DEBTOR = 10_000;

    private final JdbcTemplate jdbc;

    DirectDebitQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run issued for a collection date. */
    public record Run(
            LocalDate collectionDate, String runId, int transactions, long totalCents, LocalDate bookingDate) {}

    /** One transaction of a run, as frozen in its fact. */
    public record Collection(
            String endToEndId,
            LocalDate collectionDate,
            String debtorId,
            String mandateId,
            String assessmentId,
            long amountCents,
            String sequenceType,
            int termNumber,
            int termCount) {}

    /**
     * A mandate: ACTIVE until it ends (the end may lie ahead, as for a REPLACED one: then it is ENDED already).
     * {@code ibanErased}: the debtor's IBAN is no longer in the erasable register, so no run collects under it (it
     * stays ACTIVE: the clerk asks the debtor for a new mandate or ends this one).
     */
    public record Mandate(
            String debtorId,
            String mandateId,
            LocalDate signedDate,
            LocalDate startsOn,
            String status,
            LocalDate endedOn,
            String endReason,
            String explanation,
            boolean ibanErased) {}

    /** A collection and where its debtor's money is to come from: the erasable register, read at write time. */
    record Debit(Collection collection, LocalDate mandateSignedDate, String iban, String holderName) {}

    /** A term of a debtor's assessment in a run: what was to be collected, and what the bank credited for it. */
    public record Term(
            String assessmentId,
            LocalDate collectionDate,
            int termNumber,
            int termCount,
            String endToEndId,
            long amountCents,
            long collectedCents) {}

    public List<Run> runs() {
        return jdbc.query(
                "SELECT collection_date, run_id, transactions, total_cents, booking_date FROM dd_run"
                        + " ORDER BY collection_date LIMIT 10000",
                (rs, row) -> new Run(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getObject(5, LocalDate.class)));
    }

    public Optional<Run> run(LocalDate collectionDate) {
        return runs().stream()
                .filter(run -> run.collectionDate().equals(collectionDate))
                .findFirst();
    }

    public Optional<Collection> collection(String endToEndId) {
        return jdbc.query(COLLECTION + " WHERE end_to_end_id = ?", (rs, row) -> collection(rs), endToEndId).stream()
                .findFirst();
    }

    public List<Collection> collections(LocalDate collectionDate) {
        return jdbc.query(
                COLLECTION + " WHERE collection_date = ? ORDER BY position LIMIT ?",
                (rs, row) -> collection(rs),
                collectionDate,
                MAX_COLLECTIONS_PER_RUN);
    }

    List<Debit> debits(LocalDate collectionDate) {
        return jdbc.query(
                "SELECT c.end_to_end_id, c.collection_date, c.debtor_id, c.mandate_id, c.assessment_id,"
                        + " c.amount_cents, c.sequence_type, c.term_number, c.term_count, m.signed_date, ca.iban,"
                        + " ca.holder_name FROM dd_collection c JOIN dd_mandate m ON m.debtor_id = c.debtor_id"
                        + " AND m.mandate_id = c.mandate_id LEFT JOIN counterparty_account ca"
                        + " ON ca.account_ref = m.account_ref WHERE c.collection_date = ? ORDER BY c.position LIMIT ?",
                (rs, row) -> new Debit(
                        collection(rs), rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12)),
                collectionDate,
                MAX_COLLECTIONS_PER_RUN);
    }

    public List<Mandate> mandates(String debtorId) {
        return jdbc.query(
                "SELECT m.debtor_id, m.mandate_id, m.signed_date, m.starts_on, m.ended_on, m.end_reason, m.explanation,"
                        + " ca.iban IS NULL FROM dd_mandate m LEFT JOIN counterparty_account ca"
                        + " ON ca.account_ref = m.account_ref WHERE m.debtor_id = ? ORDER BY m.starts_on, m.mandate_id"
                        + " LIMIT ?",
                (rs, row) -> new Mandate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(6) == null ? "ACTIVE" : "ENDED",
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8)),
                debtorId,
                MAX_PER_DEBTOR);
    }

    public Optional<Mandate> mandate(String debtorId, String mandateId) {
        return mandates(debtorId).stream()
                .filter(m -> m.mandateId().equals(mandateId))
                .findFirst();
    }

    /**
     * A debtor's terms in the runs issued, by assessment and date; {@code collectedCents} is what the statement import
     * booked for the EndToEndId (rule 1) and was not reversed since (a returned collection, a storno by hand), 0
     * while it is due or when it failed.
     */
    public List<Term> terms(String debtorId) {
        return jdbc.query(
                "SELECT c.assessment_id, c.collection_date, c.term_number, c.term_count, c.end_to_end_id,"
                        + " c.amount_cents, COALESCE((SELECT sum(t.amount_cents) FROM bank_transaction t"
                        + " WHERE t.end_to_end_id = c.end_to_end_id AND t.matched_by = 'DIRECT_DEBIT'"
                        + " AND NOT EXISTS (SELECT 1 FROM lookup_reversed_payment r WHERE r.payment_id = t.payment_id)),"
                        + " 0)"
                        + " FROM dd_collection c WHERE c.debtor_id = ? ORDER BY c.assessment_id, c.collection_date"
                        + " LIMIT ?",
                (rs, row) -> new Term(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7)),
                debtorId,
                MAX_PER_DEBTOR);
    }

    private static final String COLLECTION = "SELECT end_to_end_id, collection_date, debtor_id, mandate_id,"
            + " assessment_id, amount_cents, sequence_type, term_number, term_count FROM dd_collection";

    private static Collection collection(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Collection(
                rs.getString(1),
                rs.getObject(2, LocalDate.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getInt(9));
    }
}
