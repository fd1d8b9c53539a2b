package nl.taxledger.service.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.taxledger.ledger.bank.KnownParties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The matching rules' questions over the command-side lookup tables, one round trip each; they join the booking's
 * transaction, so a payment booked earlier in the same file is seen (rule 5). Rule 1 (our own collections) reads
 * the runs' transactions ({@code dd_collection}, V41), kept in the transaction of the run's fact.
 */
@Component
class JdbcKnownParties implements KnownParties {
    private final JdbcTemplate jdbc;

    JdbcKnownParties(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Directed> collection(String endToEndId) {
        return ownCollection(endToEndId).map(own -> new Directed(own.assessmentId(), own.debtorId(), own.endToEndId()));
    }

    @Override
    public Optional<OwnCollection> ownCollection(String endToEndId) {
        if (endToEndId == null || endToEndId.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT end_to_end_id, debtor_id, mandate_id, assessment_id, collection_date, amount_cents"
                                + " FROM dd_collection WHERE end_to_end_id = ?",
                        (rs, row) -> new OwnCollection(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class),
                                rs.getLong(6)),
                        endToEndId.trim())
                .stream()
                .findFirst();
    }

    @Override
    public Map<String, List<Directed>> assessmentsByReference(Collection<String> referencesUpper) {
        Map<String, List<Directed>> found = new LinkedHashMap<>();
        if (referencesUpper.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT assessment_id, debtor_id, payment_reference FROM lookup_assessment"
                        + " WHERE upper(payment_reference) = ANY (?) ORDER BY assessment_id",
                rs -> {
                    String reference = rs.getString(3);
                    // every assessment under its key: two references that differ only in case are ambiguous (§9)
                    found.computeIfAbsent(reference.toUpperCase(Locale.ROOT), key -> new ArrayList<>())
                            .add(new Directed(rs.getString(1), rs.getString(2), reference));
                },
                (Object) referencesUpper.toArray(String[]::new));
        return found;
    }

    @Override
    public Set<String> debtorsAmong(Collection<String> tokensUpper) {
        if (tokensUpper.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.queryForList(
                "SELECT debtor_id FROM lookup_debtor WHERE upper(debtor_id) = ANY (?)", String.class, (Object)
                        tokensUpper.toArray(String[]::new)));
    }

    @Override
    public Set<String> debtorsOfIban(String iban) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "SELECT DISTINCT h.debtor_id FROM counterparty_account c"
                        + " JOIN lookup_account_holder h ON h.account_ref = c.account_ref WHERE c.iban = ? LIMIT 2",
                String.class,
                iban));
    }
}
