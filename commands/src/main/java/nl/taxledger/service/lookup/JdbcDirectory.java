package nl.taxledger.service.lookup;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link Directory} over the lookup tables; reads join the command's transaction. */
@Component
class JdbcDirectory implements Directory {
    /** A bound on the participants remembered; a cooperation has about ten. */
    static final int MAX_KNOWN_PARTICIPANTS = 10_000;

    private final JdbcTemplate jdbc;
    /**
     * Participants seen in lookup_participant. Only a positive answer is remembered, and it can never turn false:
     * a participant is registered once and never removed, and the row was read from the table (committed, since
     * no command registers a participant and books on it in one transaction). So this saves one round trip per
     * assessment line without ever letting a command through that the table would refuse, on any instance.
     */
    private final Set<String> knownParticipants = ConcurrentHashMap.newKeySet();

    JdbcDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean participantExists(String participantId) {
        if (knownParticipants.contains(participantId)) {
            return true;
        }
        boolean exists = exists("SELECT 1 FROM lookup_participant WHERE participant_id = ?", participantId);
        if (exists && knownParticipants.size() < MAX_KNOWN_PARTICIPANTS) {
            knownParticipants.add(participantId);
        }
        return exists;
    }

    @Override
    public boolean debtorExists(String debtorId) {
        return exists("SELECT 1 FROM lookup_debtor WHERE debtor_id = ?", debtorId);
    }

    @Override
    public Optional<String> debtorOfAssessment(String assessmentId) {
        return first(jdbc.queryForList("SELECT debtor_id FROM lookup_assessment WHERE assessment_id = ?", String.class, assessmentId));
    }

    @Override
    public Optional<AssessmentRef> assessmentByPaymentReference(String paymentReference) {
        return first(jdbc.query("SELECT assessment_id, debtor_id FROM lookup_assessment WHERE payment_reference = ?",
                (rs, row) -> new AssessmentRef(rs.getString(1), rs.getString(2)), paymentReference));
    }

    @Override
    public boolean assessmentOrReferenceTaken(String assessmentId, String paymentReference) {
        return !jdbc.queryForList("SELECT 1 FROM lookup_assessment WHERE assessment_id = ? OR payment_reference = ? LIMIT 1",
                Integer.class, assessmentId, paymentReference).isEmpty();
    }

    @Override
    public Optional<PaymentRef> payment(String paymentId) {
        return first(jdbc.query("SELECT payment_id, debtor_id FROM lookup_payment WHERE payment_id = ?",
                (rs, row) -> new PaymentRef(rs.getString(1), rs.getString(2)), paymentId));
    }

    @Override
    public List<nl.taxledger.ledger.api.ReceiptTotal> cumulativeReceipts(String participantId, java.time.LocalDate bookedThrough) {
        return jdbc.query("SELECT tax_type, tax_year, sum(amount_cents) FROM remittance_receipt "
                        + "WHERE participant_id = ? AND booking_date <= ? GROUP BY tax_type, tax_year ORDER BY tax_year, tax_type",
                (rs, row) -> new nl.taxledger.ledger.api.ReceiptTotal(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                participantId, bookedThrough);
    }

    @Override
    public String registerCounterparty(String iban) {
        // random, not derived from the IBAN: after erasure nothing in the events points back to it
        String ref = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO counterparty_account (account_ref, iban) VALUES (?, ?)", ref, iban);
        return ref;
    }

    @Override
    public boolean bankAccountExists(String iban) {
        return exists("SELECT 1 FROM bank_account WHERE iban = ?", iban);
    }

    private boolean exists(String sql, String id) {
        return !jdbc.queryForList(sql, Integer.class, id).isEmpty();
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
