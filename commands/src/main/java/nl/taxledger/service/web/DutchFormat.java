package nl.taxledger.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Dutch formats for the pages ({@code ${@fmt.money(cents)}} in templates): amounts "€ 1.234,56", dates
 * "31-12-2026", moments in Amsterdam time. Money is cents (long) to the last step: no double anywhere.
 */
@Component("fmt")
public class DutchFormat {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT);
    /** A typed Dutch amount: optional € and minus, thousands grouped by points (or not), a comma and 1–2 cents. */
    private static final Pattern TYPED_AMOUNT =
            Pattern.compile("(-?)(\\d{1,3}(?:\\.\\d{3}){1,4}|\\d{1,13})(?:,(\\d{1,2}))?");

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("Europe/Amsterdam"));

    /** 123456 → "€ 1.234,56"; −500 → "€ -5,00". */
    public String money(long cents) {
        return "€ " + amount(cents);
    }

    /** The number alone: 123456 → "1.234,56". */
    public String amount(long cents) {
        long abs = Math.abs(cents);
        if (abs < 0) {
            throw new IllegalArgumentException("no amount for Long.MIN_VALUE cents");
        }
        String euros = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < euros.length(); i++) {
            if (i > 0 && (euros.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(euros.charAt(i));
        }
        return (cents < 0 ? "-" : "") + grouped + "," + String.format(Locale.ROOT, "%02d", abs % 100);
    }

    /** The REST API's decimal string ("1234.50", "-3.00") as Dutch money; other text unchanged. */
    public String decimal(String amount) {
        if (amount == null || !amount.matches("-?\\d+(\\.\\d{1,2})?")) {
            return amount;
        }
        boolean negative = amount.startsWith("-");
        String[] parts = (negative ? amount.substring(1) : amount).split("\\.");
        String fraction = parts.length > 1 ? (parts[1] + "0").substring(0, 2) : "00";
        long cents = Long.parseLong(parts[0]) * 100 + Long.parseLong(fraction);
        return money(negative ? -cents : cents);
    }

    /** 2026-12-31 → "31-12-2026"; null → "". */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A moment as Amsterdam time, "31-12-2026 23:59:59"; null → "". */
    public String moment(Instant moment) {
        return moment == null ? "" : MOMENT.format(moment);
    }

    /** What a user typed as a date: "31-12-2026" or ISO "2026-12-31"; empty for blank; throws for anything else. */
    static Optional<LocalDate> parseDate(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String value = typed.trim();
        try {
            return Optional.of(
                    value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, DATE));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("geen datum (dd-mm-jjjj): " + value, e);
        }
    }

    /** A typed date as the API's ISO text, or the text unchanged when it is no date (the command refuses it). */
    static String isoDate(String typed) {
        try {
            return parseDate(typed).map(LocalDate::toString).orElse(typed);
        } catch (IllegalArgumentException notADate) {
            return typed.trim();
        }
    }

    /**
     * A typed Dutch amount as cents, exactly: "1.234,56" → 123456, "100,5" → 10050, "€ 12" → 1200. Whole digits
     * only, no double on the way. Refuses (IllegalArgumentException) three decimals ("1,234"), a point as the
     * decimal sign ("1.23", ambiguous in Dutch), wrong grouping and anything else.
     */
    static long cents(String typed) {
        String value = typed == null ? "" : typed.trim();
        if (value.startsWith("€")) {
            value = value.substring(1).trim();
        }
        Matcher amount = TYPED_AMOUNT.matcher(value);
        if (!amount.matches()) {
            throw new IllegalArgumentException("geen bedrag in euro met ten hoogste twee decimalen: " + typed);
        }
        long euros = Long.parseLong(amount.group(2).replace(".", ""));
        String fraction = amount.group(3) == null ? "00" : (amount.group(3) + "0").substring(0, 2);
        long cents = Math.addExact(Math.multiplyExact(euros, 100L), Long.parseLong(fraction));
        return amount.group(1).isEmpty() ? cents : -cents;
    }
}
