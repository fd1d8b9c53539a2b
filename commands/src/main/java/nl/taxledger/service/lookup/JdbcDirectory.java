package nl.taxledger.service.lookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.taxledger.ledger.api.CollectionCandidate;
import nl.taxledger.service.directdebit.DirectDebitSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link Directory} over the lookup tables; reads join the command's transaction. */
@Component
class JdbcDirectory implements Directory {
    /** A run pays each participant once; far more remittances than participants is a broken table. */
    private static final int MAX_RUN_REMITTANCES = 100_000;
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

    /** A run of more candidates than this is a broken table, not a cooperation (about 100,000 debtors). */
    static final int MAX_DIRECT_DEBIT_CANDIDATES = 2_000_000;

    private final DirectDebitSettings directDebit;

    JdbcDirectory(JdbcTemplate jdbc, DirectDebitSettings directDebit) {
        this.jdbc = jdbc;
        this.directDebit = directDebit;
    }

    @Override
    public List<CollectionCandidate> directDebitCandidates(LocalDate collectionDate) {
        // one mandate per assessment: should two overlap (never since REPLACED), the one that started last. Only a
        // mandate whose IBAN is still in the erasable register: one erased cannot be written into the pain.008, and a
        // frozen run that cannot be written blocks the date for good (RUN_ALREADY_ISSUED). It is not collected; its
        // assessments keep their due date, and the debtor's page shows the mandate with ibanErased (bank-files.md).
        List<CollectionCandidate> candidates = jdbc.query(
                "SELECT DISTINCT ON (a.assessment_id) m.debtor_id, m.mandate_id, EXISTS (SELECT 1 FROM dd_collection c"
                        + " WHERE c.debtor_id = m.debtor_id AND c.mandate_id = m.mandate_id), a.assessment_id,"
                        + " a.issue_date, a.due_date, a.tax_year, a.open_cents"
                        + " FROM dd_mandate m JOIN dd_assessment a ON a.debtor_id = m.debtor_id"
                        + " JOIN counterparty_account ca ON ca.account_ref = m.account_ref AND ca.iban IS NOT NULL"
                        + " WHERE m.starts_on <= ? AND (m.ended_on IS NULL OR m.ended_on > ?) AND a.open_cents > 0"
                        + " ORDER BY a.assessment_id, m.starts_on DESC, m.mandate_id LIMIT ?",
                (rs, row) -> new CollectionCandidate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        directDebit.termCount(rs.getInt(7)),
                        rs.getLong(8)),
                collectionDate,
                collectionDate,
                MAX_DIRECT_DEBIT_CANDIDATES + 1);
        if (candidates.size() > MAX_DIRECT_DEBIT_CANDIDATES) {
            throw new IllegalStateException("more than " + MAX_DIRECT_DEBIT_CANDIDATES + " direct-debit candidates");
        }
        return candidates;
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
        return first(jdbc.queryForList(
                "SELECT debtor_id FROM lookup_assessment WHERE assessment_id = ?", String.class, assessmentId));
    }

    @Override
    public Optional<AssessmentRef> assessmentByPaymentReference(String paymentReference) {
        return first(jdbc.query(
                "SELECT assessment_id, debtor_id FROM lookup_assessment WHERE payment_reference = ?",
                (rs, row) -> new AssessmentRef(rs.getString(1), rs.getString(2)),
                paymentReference));
    }

    @Override
    public boolean assessmentOrReferenceTaken(String assessmentId, String paymentReference) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM lookup_assessment WHERE assessment_id = ? OR payment_reference = ? LIMIT 1",
                        Integer.class,
                        assessmentId,
                        paymentReference)
                .isEmpty();
    }

    @Override
    public Optional<PaymentRef> payment(String paymentId) {
        return first(jdbc.query(
                "SELECT payment_id, debtor_id FROM lookup_payment WHERE payment_id = ?",
                (rs, row) -> new PaymentRef(rs.getString(1), rs.getString(2)),
                paymentId));
    }

    @Override
    public List<nl.taxledger.ledger.api.ReceiptTotal> cumulativeReceipts(
            String participantId, java.time.LocalDate bookedThrough) {
        return jdbc.query(
                "SELECT tax_type, tax_year, sum(amount_cents) FROM remittance_receipt "
                        + "WHERE participant_id = ? AND booking_date <= ? GROUP BY tax_type, tax_year ORDER BY tax_year, tax_type",
                (rs, row) -> new nl.taxledger.ledger.api.ReceiptTotal(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                participantId,
                bookedThrough);
    }

    @Override
    public RemittanceRunContent remittanceRun(java.time.LocalDate periodEnd) {
        List<String[]> rows = jdbc.query(
                "SELECT participant_id, amount_cents, event_id, issued_by FROM remittance"
                        + " WHERE period_end = ? AND amount_cents > 0 ORDER BY participant_id LIMIT ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                periodEnd,
                MAX_RUN_REMITTANCES + 1);
        if (rows.size() > MAX_RUN_REMITTANCES) {
            throw new IllegalStateException("a run of more than " + MAX_RUN_REMITTANCES + " remittances");
        }
        if (rows.isEmpty()) {
            return new RemittanceRunContent(null, Set.of());
        }
        StringBuilder content = new StringBuilder();
        Set<String> issuers = new java.util.TreeSet<>();
        for (String[] row : rows) {
            content.append(row[0])
                    .append(';')
                    .append(row[1])
                    .append(';')
                    .append(row[2])
                    .append('\n');
            issuers.add(row[3]);
        }
        return new RemittanceRunContent(sha256(content.toString()), issuers);
    }

    @Override
    public Optional<PendingIbanChange> pendingIbanChange(String participantId) {
        return first(jdbc.query(
                "SELECT iban, requested_by FROM participant_iban_change WHERE participant_id = ?",
                (rs, row) -> new PendingIbanChange(rs.getString(1), rs.getString(2)),
                participantId));
    }

    @Override
    public List<nl.taxledger.ledger.api.ApproveRefunds.RefundToRelease> waitingRefunds(int max) {
        return jdbc.query(
                "SELECT r.refund_id, r.amount_cents, r.booked_by FROM refund_payout r"
                        + " JOIN counterparty_account c ON c.account_ref = r.account_ref"
                        + " WHERE r.batch_id IS NULL AND c.iban IS NOT NULL ORDER BY r.refund_id LIMIT ?",
                (rs, row) -> new nl.taxledger.ledger.api.ApproveRefunds.RefundToRelease(
                        rs.getString(1), rs.getLong(2), rs.getString(3)),
                max);
    }

    @Override
    public String nextRefundBatchId() {
        Long released = jdbc.queryForObject(
                "SELECT count(*) FROM payment_file_release WHERE kind = 'REFUND_BATCH'", Long.class);
        return "RB-" + (released + 1);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Optional<RunCollection> runCollection(String endToEndId) {
        if (endToEndId == null) {
            return Optional.empty();
        }
        return first(jdbc.query(
                "SELECT mandate_id, collection_date, assessment_id, term_number, term_count FROM dd_collection"
                        + " WHERE end_to_end_id = ?",
                (rs, row) -> new RunCollection(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4), rs.getInt(5)),
                endToEndId));
    }

    @Override
    public void storeCounterparty(String accountRef, String iban) {
        jdbc.update("INSERT INTO counterparty_account (account_ref, iban) VALUES (?, ?)", accountRef, iban);
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
