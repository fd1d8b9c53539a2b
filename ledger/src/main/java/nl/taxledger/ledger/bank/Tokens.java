package nl.taxledger.ledger.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The whole tokens of a bank's free text (domain.md §9, rule 3): maximal runs of letters, digits, {@code -},
 * {@code .} and {@code _}, with {@code -}, {@code .} and {@code _} stripped from their ends, upper-cased so they
 * compare case-insensitively; and digit groups separated by single spaces that together make exactly 16 digits
 * (a betalingskenmerk printed as {@code 1234 5678 9012 3456}) as one more token.
 */
public final class Tokens {
    /** Free text is at most 4 x 140 characters in camt; a bound keeps a wrong file from running away. */
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int KENMERK_DIGITS = 16;

    private Tokens() {
    }

    private record Token(String text, int start, int end) {
        boolean allDigits() {
            return text.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }

    /** The tokens of {@code text}, upper-cased, in order of first appearance; empty for null. */
    public static Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        String bounded = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
        List<Token> runs = runs(bounded);
        runs.forEach(run -> tokens.add(run.text().toUpperCase(Locale.ROOT)));
        tokens.addAll(digitGroups(bounded, runs));
        return tokens;
    }

    private static List<Token> runs(String text) {
        List<Token> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!inToken(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && inToken(text.charAt(i))) {
                i++;
            }
            int from = start;
            int to = i;
            while (from < to && isJoiner(text.charAt(from))) {
                from++;
            }
            while (to > from && isJoiner(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                runs.add(new Token(text.substring(from, to), from, to));
            }
        }
        return runs;
    }

    /** Every stretch of digit-only tokens, each one space after the previous, that holds exactly 16 digits. */
    private static List<String> digitGroups(String text, List<Token> runs) {
        List<String> groups = new ArrayList<>();
        for (int first = 0; first < runs.size(); first++) {
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < runs.size() && runs.get(last).allDigits(); last++) {
                if (last > first && !singleSpaceBetween(text, runs.get(last - 1), runs.get(last))) {
                    break;
                }
                digits.append(runs.get(last).text());
                if (digits.length() >= KENMERK_DIGITS) {
                    if (digits.length() == KENMERK_DIGITS && last > first) {
                        groups.add(digits.toString());
                    }
                    break;
                }
            }
        }
        return groups;
    }

    private static boolean singleSpaceBetween(String text, Token before, Token after) {
        return after.start() == before.end() + 1 && text.charAt(before.end()) == ' ';
    }

    private static boolean inToken(char c) {
        return Character.isLetterOrDigit(c) || isJoiner(c);
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '.' || c == '_';
    }
}
