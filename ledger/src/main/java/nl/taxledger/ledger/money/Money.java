package nl.taxledger.ledger.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Euro amounts are {@code long} cents everywhere. This class only converts at the edges:
 * JSON carries amounts as strings with at most two decimals ("312.40").
 */
public final class Money {
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");

    private Money() {
    }

    /** Parses "312.40" to 31240; rejects more than two decimals, exponents and empty text. */
    public static long parseCents(String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount with at most two decimals: " + text);
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    /** Formats 31240 as "312.40" and -5 as "-0.05". */
    public static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        long fraction = abs % 100;
        return sign + (abs / 100) + "." + (fraction < 10 ? "0" : "") + fraction;
    }
}
