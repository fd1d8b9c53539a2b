package nl.taxledger.service.commandapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.Iban;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.money.Money;

/** Field validation of incoming commands: runs before anything reads ledger state. */
final class Fields {
    private Fields() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
        return value;
    }

    static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw invalid(field, field + " must not be empty");
        }
        return values;
    }

    /** A positive amount in whole cents, written with at most two decimals. */
    static long positiveCents(String field, String value) {
        long cents;
        try {
            cents = Money.parseCents(required(field, value));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(field, field + " is not an amount in euro with at most two decimals: " + value);
        }
        if (cents <= 0) {
            throw invalid(field, field + " must be positive: " + value);
        }
        return cents;
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " is not an ISO date: " + value);
        }
    }

    static String iban(String field, String value) {
        String normalized = required(field, value).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!Iban.valid(normalized)) {
            throw invalid(field, field + " is not a valid IBAN");
        }
        return normalized;
    }

    static BigDecimal rate(String field, String value) {
        try {
            return new BigDecimal(required(field, value));
        } catch (NumberFormatException e) {
            throw invalid(field, field + " is not a decimal number: " + value);
        }
    }

    static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, required(field, value));
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An optional enum: {@code null} when not sent. */
    static <E extends Enum<E>> E optional(String field, Class<E> type, String value) {
        return value == null ? null : oneOf(field, type, value);
    }

    /** The currency of an amount: only euros are booked (domain.md §8); not sent means euros. */
    static void euro(String field, String value) {
        if (value != null && !"EUR".equals(value)) {
            throw invalid(field, field + " must be EUR: " + value);
        }
    }

    static LedgerRejection invalid(String field, String message) {
        return new LedgerRejection(ErrorCode.VALIDATION_FAILED, field, message);
    }
}
