package nl.taxledger.ledger.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

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

    @Test
    void four_groups_of_four_digits_make_one_sixteen_digit_token() {
        assertTrue(Tokens.of("Betalingskenmerk 3417 0195 3713 8336").contains("3417019537138336"));
    }

    @Test
    void uneven_groups_count_when_they_make_exactly_sixteen_digits() {
        assertTrue(Tokens.of("kenmerk 341 7019537 138336").contains("3417019537138336"));
    }

    @Test
    void a_sixteen_digit_stretch_inside_longer_digit_groups_counts() {
        assertTrue(Tokens.of("2026 3417 0195 3713 8336").contains("3417019537138336"));
    }

    @Test
    void groups_separated_by_two_spaces_are_not_joined() {
        assertFalse(Tokens.of("3417 0195  3713 8336").contains("3417019537138336"));
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
