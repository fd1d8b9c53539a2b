package nl.taxledger.ledger.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import nl.taxledger.ledger.api.MatchedBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules of domain.md §9, one rule per test, with the ledger of scenario 13. */
class PaymentMatcherTest {
    private static final String JANSEN = "NL71INGB2432854578";

    private final InMemoryParties known = new InMemoryParties()
            .assessment("A13-1", "S13a", "7561629071533939")
            .assessment("A13-2", "S13b", "3417019537138336")
            .assessment("A13-3", "S13b", "6652734668703338")
            .assessment("A13-4", "S13c", "A13-4");

    private static Statement.Transaction transfer(String structured, String text, String iban) {
        return new Statement.Transaction(null, "NOTPROVIDED", structured, text, iban, "Someone");
    }

    @Test
    void rule_1_our_own_collection_is_directed_at_its_assessment_before_any_reference() {
        KnownParties withRun = new InMemoryParties()
                .assessment("A13-1", "S13a", "7561629071533939")
                .assessment("A9", "S9", "A9")
                .withCollection("DD-2026-05-A9-1", new KnownParties.Directed("A9", "S9", "DD-2026-05-A9-1"));
        Match match = PaymentMatcher.match(
                new Statement.Transaction(null, "DD-2026-05-A9-1", "7561629071533939", null, JANSEN, null), withRun);
        assertEquals(new Match(MatchedBy.DIRECT_DEBIT, "S9", "A9", "DD-2026-05-A9-1", null), match);
    }

    @Test
    void rule_2_a_structured_reference_with_spaces_is_directed_at_its_assessment() {
        Match match = PaymentMatcher.match(transfer("3417 0195 3713 8336", "6652734668703338", JANSEN), known);
        assertEquals(new Match(MatchedBy.STRUCTURED_REFERENCE, "S13b", "A13-2", "3417019537138336", null), match);
    }

    @Test
    void rule_2_an_unknown_structured_reference_falls_through_to_the_text() {
        Match match = PaymentMatcher.match(transfer("9999 9999 9999 9999", "6652734668703338", JANSEN), known);
        assertEquals(MatchedBy.TEXT_REFERENCE, match.rule());
        assertEquals("A13-3", match.assessmentId());
    }

    /** Rules 3 and 4 on the text alone: no structured reference, no counterparty IBAN. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rule 3: one known reference in the text is directed, case-insensitively | aanslag a13-4 termijn 1 \
              | TEXT_REFERENCE | S13c | A13-4 | A13-4            |
            rule 3: a kenmerk in groups of four is one reference | Betalingskenmerk 3417 0195 3713 8336 \
              | TEXT_REFERENCE | S13b | A13-2 | 3417019537138336 |
            rule 3: a reference inside a longer token is no reference | zie aanslag A13-44 \
              | SUSPENSE       |      |       |                  | NO_MATCH
            rule 4: one known subject number is an undirected payment of that debtor \
              | subjectnummer s13c belastingen 2026 \
              | SUBJECT_NUMBER | S13c |       | S13c             |
            rule 4: two known subject numbers go to suspense | voor S13a en S13b \
              | SUSPENSE       |      |       |                  | AMBIGUOUS_REFERENCE
            """)
    void text_rules(
            String rule,
            String text,
            MatchedBy matchedBy,
            String debtorId,
            String assessmentId,
            String reference,
            SuspenseReason reason) {
        Match match = PaymentMatcher.match(transfer(null, text, null), known);
        assertEquals(new Match(matchedBy, debtorId, assessmentId, reference, reason), match);
    }

    @Test
    void rule_3_two_known_references_go_to_suspense_and_no_later_rule_is_tried() {
        Match match = PaymentMatcher.match(
                transfer(null, "aanslagen 6652734668703338 en 7561629071533939 S13a", "NL73RABO9478927787"),
                known.paidFrom("NL73RABO9478927787", "S13a"));
        assertEquals(new Match(MatchedBy.SUSPENSE, null, null, null, SuspenseReason.AMBIGUOUS_REFERENCE), match);
    }

    @Test
    void two_references_that_differ_only_in_case_are_ambiguous_in_the_structured_reference_and_in_the_text() {
        KnownParties twins =
                new InMemoryParties().assessment("A-LOW", "S1", "ozb-2026-7").assessment("A-UP", "S2", "OZB-2026-7");

        Match structured = PaymentMatcher.match(transfer("OZB-2026-7", null, null), twins);
        Match text = PaymentMatcher.match(transfer(null, "aanslag ozb-2026-7", null), twins);

        Match ambiguous = new Match(MatchedBy.SUSPENSE, null, null, null, SuspenseReason.AMBIGUOUS_REFERENCE);
        assertEquals(ambiguous, structured);
        assertEquals(ambiguous, text);
    }

    @Test
    void rule_5_an_iban_of_exactly_one_debtor_is_an_undirected_payment_of_that_debtor() {
        Match match = PaymentMatcher.match(
                transfer(null, "gemeentelijke belastingen maart", "NL73RABO9478927787"),
                known.paidFrom("NL73RABO9478927787", "S13a"));
        assertEquals(new Match(MatchedBy.COUNTERPARTY_IBAN, "S13a", null, null, null), match);
    }

    @Test
    void rule_5_an_iban_of_two_debtors_goes_to_suspense() {
        Match match = PaymentMatcher.match(
                transfer(null, "belastingen", JANSEN),
                known.paidFrom(JANSEN, "S13a").paidFrom(JANSEN, "S13b"));
        assertEquals(SuspenseReason.AMBIGUOUS_COUNTERPARTY, match.suspenseReason());
    }

    @Test
    void rule_6_nothing_known_goes_to_suspense_with_no_match() {
        Match match = PaymentMatcher.match(transfer(null, "bijdrage", "NL50SNSB7390990597"), known);
        assertEquals(new Match(MatchedBy.SUSPENSE, null, null, null, SuspenseReason.NO_MATCH), match);
    }

    @Test
    void without_our_runs_no_end_to_end_id_is_a_collection() {
        assertEquals(Optional.empty(), known.collection("DD-2026-05-A9-1"));
    }
}
