package nl.taxledger.service.commandapi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.taxledger.ledger.money.Money;

/**
 * The bounds of domain.md §12 on every field of every command of the {@link CommandCatalogue}, in one table by field
 * name: a field called {@code valueDate} is a date in 1990..2099 in every command that has one. They are checked on
 * the bound request, before its own checks and before anything reads or stores ledger state, so that no value can
 * reach an event that a projection (or PostgreSQL) cannot take: {@code "issueDate":"0000-01-01"} used to be stored
 * and halted three projections for good.
 *
 * <p>The catalogue asks {@link #unbounded} for each of its shapes when it is loaded, so a command with a field this
 * table does not name stops the service from starting (and fails {@code FieldBoundsTest}): a new command cannot
 * forget its bounds. A missing field ({@code null}) is not a bound's business: the command's own check says it is
 * required, or takes the default.
 */
final class FieldBounds {
    static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    static final int FIRST_TAX_YEAR = 1990;
    static final int LAST_TAX_YEAR = 2099;
    static final int MAX_IDENTIFIER_CHARACTERS = 64;
    static final int MAX_TEXT_CHARACTERS = 500;
    /** 999,999,999.99 euro: one amount, and times the longest list still far inside a {@code long}. */
    static final long MAX_AMOUNT_CENTS = 99_999_999_999L;
    /**
     * Lines of one assessment. A housing corporation's assessment carries a line per object and tax, so hundreds
     * occur; every payment on the assessment stores its allocation per line, so the bound keeps a payment's event
     * small (1,000 × a line's allocation ≈ 100 KB) and the allocation loop short. A larger assessment is split.
     */
    static final int MAX_LINES = 1_000;
    /** The arrangement rule itself allows 1 to 10 terms (ArrangementTerms): more is refused before each is read. */
    static final int MAX_TERMS = 10;
    /** Assessments under one payment arrangement: a debtor's open assessments, 100 is well above any seen. */
    static final int MAX_ARRANGEMENT_ASSESSMENTS = 100;
    /** A reserve kept for more than a lifetime of tax years is a typing error. */
    static final int MAX_RESERVE_YEARS = 99;
    /** A rate as a plain decimal: an exponent such as {@code 1E-999999999} would make every remittance crawl. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,12})?");
    /** Values echoed in a refusal are cut, so a 10,000-character value is not sent back whole. */
    private static final int MAX_ECHO = 40;

    /** What a field may hold. */
    sealed interface Bound permits Scalar, ListOf {}

    enum Scalar implements Bound {
        /** 1–64 printable characters, no space at either end (ids, references, codes, IBANs). */
        IDENTIFIER,
        /** At most 500 printable characters (tab and line breaks allowed). */
        TEXT,
        /** An ISO date from 1990-01-01 to 2099-12-31. */
        DATE,
        /** Euro with at most two decimals, at most 999,999,999.99 either way (the sign is the command's check). */
        AMOUNT,
        /** A plain decimal number, at most three digits before the point and twelve after. */
        RATE,
        /** A tax year, 1990–2099. */
        TAX_YEAR,
        /** A number of years, 0–99. */
        YEARS,
        /** An element of a list that is itself a request record: checked field by field with this table. */
        RECORD
    }

    /** A list of at most {@code maxEntries}, each element within {@code element}. */
    record ListOf(int maxEntries, Scalar element) implements Bound {}

    private static final Map<String, Bound> BY_FIELD = Map.ofEntries(
            Map.entry("commandId", Scalar.IDENTIFIER),
            Map.entry("participantId", Scalar.IDENTIFIER),
            Map.entry("assessmentId", Scalar.IDENTIFIER),
            Map.entry("belongsToAssessmentId", Scalar.IDENTIFIER),
            Map.entry("debtorId", Scalar.IDENTIFIER),
            Map.entry("lineId", Scalar.IDENTIFIER),
            Map.entry("costId", Scalar.IDENTIFIER),
            Map.entry("interestId", Scalar.IDENTIFIER),
            Map.entry("paymentId", Scalar.IDENTIFIER),
            Map.entry("deferralId", Scalar.IDENTIFIER),
            Map.entry("arrangementId", Scalar.IDENTIFIER),
            Map.entry("mandateId", Scalar.IDENTIFIER),
            Map.entry("endToEndId", Scalar.IDENTIFIER),
            Map.entry("paymentReference", Scalar.IDENTIFIER),
            Map.entry("reference", Scalar.IDENTIFIER),
            Map.entry("iban", Scalar.IDENTIFIER),
            Map.entry("counterpartyIban", Scalar.IDENTIFIER),
            Map.entry("taxType", Scalar.IDENTIFIER),
            Map.entry("kind", Scalar.IDENTIFIER),
            Map.entry("schedule", Scalar.IDENTIFIER),
            Map.entry("currency", Scalar.IDENTIFIER),
            Map.entry("channel", Scalar.IDENTIFIER),
            Map.entry("component", Scalar.IDENTIFIER),
            Map.entry("outcome", Scalar.IDENTIFIER),
            Map.entry("purpose", Scalar.IDENTIFIER),
            Map.entry("reasonCode", Scalar.IDENTIFIER),
            Map.entry("name", Scalar.TEXT),
            Map.entry("reason", Scalar.TEXT),
            Map.entry("explanation", Scalar.TEXT),
            Map.entry("bookingDate", Scalar.DATE),
            Map.entry("issueDate", Scalar.DATE),
            Map.entry("dueDate", Scalar.DATE),
            Map.entry("valueDate", Scalar.DATE),
            Map.entry("decisionDate", Scalar.DATE),
            Map.entry("date", Scalar.DATE),
            Map.entry("through", Scalar.DATE),
            Map.entry("from", Scalar.DATE),
            Map.entry("until", Scalar.DATE),
            Map.entry("agreedDate", Scalar.DATE),
            Map.entry("termDueDate", Scalar.DATE),
            Map.entry("signedDate", Scalar.DATE),
            Map.entry("collectionDate", Scalar.DATE),
            Map.entry("periodEnd", Scalar.DATE),
            Map.entry("effectiveFrom", Scalar.DATE),
            Map.entry("amount", Scalar.AMOUNT),
            Map.entry("reserveRate", Scalar.RATE),
            Map.entry("taxYear", Scalar.TAX_YEAR),
            Map.entry("reserveYears", Scalar.YEARS),
            Map.entry("lines", new ListOf(MAX_LINES, Scalar.RECORD)),
            Map.entry("terms", new ListOf(MAX_TERMS, Scalar.RECORD)),
            Map.entry("assessmentIds", new ListOf(MAX_ARRANGEMENT_ASSESSMENTS, Scalar.IDENTIFIER)));

    private FieldBounds() {}

    /** The bound of a field name, {@code null} when the table has none. */
    static Bound of(String field) {
        return BY_FIELD.get(field);
    }

    /**
     * Refuses the first field of {@code request} (nested records and lists included) outside its bound, as
     * {@code VALIDATION_FAILED} naming it, a list element by its index ({@code lines[1].taxYear}).
     */
    static void check(Record request) {
        checkRecord("", request);
    }

    private static void checkRecord(String prefix, Record request) {
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            String path = prefix + component.getName();
            Bound bound = BY_FIELD.get(component.getName());
            if (bound == null) {
                throw new IllegalStateException(
                        "no bound for " + path + " of " + request.getClass().getSimpleName());
            }
            Object value = valueOf(component, request);
            if (value != null) {
                check(path, bound, value);
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static void check(String path, Bound bound, Object value) {
        if (bound instanceof ListOf list) {
            checkList(path, list, (List<?>) value);
        } else {
            checkScalar(path, (Scalar) bound, value);
        }
    }

    private static void checkList(String path, ListOf list, List<?> values) {
        if (values.size() > list.maxEntries()) {
            throw Fields.invalid(path, path + ": at most " + list.maxEntries() + " entries, not " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                check(path + "[" + i + "]", list.element(), values.get(i));
            }
        }
    }

    private static void checkScalar(String path, Scalar scalar, Object value) {
        switch (scalar) {
            case IDENTIFIER -> identifier(path, (String) value);
            case TEXT -> text(path, (String) value);
            case DATE -> date(path, (String) value);
            case AMOUNT -> amount(path, (String) value);
            case RATE -> rate(path, (String) value);
            case TAX_YEAR -> between(path, (Integer) value, FIRST_TAX_YEAR, LAST_TAX_YEAR);
            case YEARS -> between(path, (Integer) value, 0, MAX_RESERVE_YEARS);
            case RECORD -> checkRecord(path + ".", (Record) value);
        }
    }

    static void identifier(String path, String value) {
        int characters = value.codePointCount(0, value.length());
        if (characters < 1 || characters > MAX_IDENTIFIER_CHARACTERS) {
            throw Fields.invalid(path, path + ": 1 to " + MAX_IDENTIFIER_CHARACTERS + " characters, not " + characters);
        }
        if (!value.codePoints().allMatch(FieldBounds::printable)) {
            throw Fields.invalid(path, path + ": only printable characters");
        }
        if (space(value.codePointAt(0)) || space(value.codePointBefore(value.length()))) {
            throw Fields.invalid(path, path + ": no space at the start or end");
        }
    }

    /** Free text: why, reason, name, source. */
    static void text(String path, String value) {
        int characters = value.codePointCount(0, value.length());
        if (characters > MAX_TEXT_CHARACTERS) {
            throw Fields.invalid(path, path + ": at most " + MAX_TEXT_CHARACTERS + " characters, not " + characters);
        }
        if (!value.codePoints().allMatch(c -> printable(c) || c == '\t' || c == '\n' || c == '\r')) {
            throw Fields.invalid(path, path + ": only printable characters, tabs and line breaks");
        }
    }

    static LocalDate date(String path, String value) {
        LocalDate date;
        try {
            date = value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw Fields.invalid(path, path + " is not an ISO date (yyyy-mm-dd): " + echo(value));
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw Fields.invalid(path, path + " " + date + " lies outside " + FIRST_DATE + ".." + LAST_DATE);
        }
        return date;
    }

    private static void amount(String path, String value) {
        long cents;
        try {
            cents = Money.parseCents(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Fields.invalid(path, path + " is not an amount in euro with at most two decimals: " + echo(value));
        }
        if (Math.abs(cents) > MAX_AMOUNT_CENTS) {
            throw Fields.invalid(path, path + ": at most " + Money.format(MAX_AMOUNT_CENTS) + ", not " + value);
        }
    }

    private static void rate(String path, String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw Fields.invalid(path, path + " is not a plain decimal number such as 0.005: " + echo(value));
        }
    }

    private static void between(String path, int value, int first, int last) {
        if (value < first || value > last) {
            throw Fields.invalid(path, path + " " + value + " lies outside " + first + ".." + last);
        }
    }

    /**
     * Printable: a character, not a control, format, private-use, unassigned or lone surrogate code point (a NUL
     * cannot be stored in PostgreSQL text at all, a bidirectional override makes a log lie), nor a line or
     * paragraph separator.
     */
    static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static boolean space(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "… (" + value.length() + " chars)";
    }

    /**
     * The fields of {@code shape} (nested request records and list elements included) that this table does not
     * bound, or bounds as a type they do not have: empty for a shape every field of which is bounded.
     */
    static List<String> unbounded(Class<? extends Record> shape) {
        List<String> problems = new ArrayList<>();
        collectUnbounded("", shape, problems);
        return problems;
    }

    private static void collectUnbounded(String prefix, Class<?> shape, List<String> problems) {
        for (RecordComponent component : shape.getRecordComponents()) {
            String path = prefix + component.getName();
            Bound bound = BY_FIELD.get(component.getName());
            if (bound == null) {
                problems.add(path + " (" + shape.getSimpleName() + ") has no bound");
            } else if (bound instanceof ListOf list) {
                Class<?> element = elementType(component.getGenericType());
                if (component.getType() != List.class || element == null) {
                    problems.add(path + " is bounded as a list but is " + component.getGenericType());
                } else {
                    collectUnboundedScalar(path + "[]", list.element(), element, problems);
                }
            } else {
                collectUnboundedScalar(path, (Scalar) bound, component.getType(), problems);
            }
        }
    }

    private static void collectUnboundedScalar(String path, Scalar scalar, Class<?> type, List<String> problems) {
        Class<?> expected =
                switch (scalar) {
                    case IDENTIFIER, TEXT, DATE, AMOUNT, RATE -> String.class;
                    case TAX_YEAR, YEARS -> Integer.class;
                    case RECORD -> Record.class;
                };
        if (!expected.isAssignableFrom(type)) {
            problems.add(path + " is bounded as " + scalar + " but is " + type.getSimpleName());
        } else if (scalar == Scalar.RECORD) {
            collectUnbounded(path + ".", type, problems);
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
