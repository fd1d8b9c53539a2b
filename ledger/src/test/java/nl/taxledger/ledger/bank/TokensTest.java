package nl.taxledger.ledger.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokens of domain.md §9 rule 3, one property of the tokenizer per test. */
class TokensTest {
    @Test
    void tokens_are_runs_of_letters_digits_and_joiners_upper_cased() {
        assertEquals(Set.of("AANSLAG", "A13-4", "TERMIJN", "1"), Tokens.of("aanslag a13-4 termijn 1"));
    }

    @Test
    void joiners_are_stripped_from_the_ends_of_a_token_but_kept_inside() {
        assertEquals(Set.of("ZIE", "A13-4", "S_1.2"), Tokens.of("zie -A13-4. _S_1.2_"));
    }

    @Test
    void punctuation_separates_tokens() {
        assertEquals(Set.of("S13C", "A1"), Tokens.of("S13c,A1;"));
    }

    /** Digit groups single-spaced that make exactly sixteen digits are one token (a kenmerk), the rule per row. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            four groups of four digits make one sixteen-digit token   | Betalingskenmerk 3417 0195 3713 8336 | true
            uneven groups count when they make exactly sixteen digits | kenmerk 341 7019537 138336           | true
            a sixteen-digit stretch inside longer digit groups counts | 2026 3417 0195 3713 8336             | true
            groups separated by two spaces are not joined             | '3417 0195  3713 8336'               | false
            """)
    void sixteen_digit_kenmerk(String rule, String text, boolean joined) {
        assertEquals(joined, Tokens.of(text).contains("3417019537138336"));
    }

    @Test
    void groups_that_make_more_or_fewer_than_sixteen_digits_are_not_joined() {
        Set<String> tokens = Tokens.of("3417 0195 3713 833 1234");
        assertFalse(tokens.stream().anyMatch(token -> token.length() == 16));
    }

    @Test
    void no_text_has_no_tokens() {
        assertTrue(Tokens.of(null).isEmpty());
        assertTrue(Tokens.of(" ,; ").isEmpty());
    }
}
