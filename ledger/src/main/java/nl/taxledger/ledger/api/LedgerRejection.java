package nl.taxledger.ledger.api;

/** A command the ledger refuses. Thrown before anything is applied, so nothing is appended. */
public final class LedgerRejection extends RuntimeException {
    private final ErrorCode code;
    /** The request field at fault, for a {@code VALIDATION_FAILED} about one field; otherwise {@code null}. */
    private final String field;

    public LedgerRejection(ErrorCode code, String message) {
        this(code, null, message);
    }

    public LedgerRejection(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public static void check(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new LedgerRejection(code, message);
        }
    }

    /** The item a command names, as looked up; refused with {@code code} when there is none. */
    public static <T> T found(T itemOrNull, ErrorCode code, String message) {
        check(itemOrNull != null, code, message);
        return itemOrNull;
    }
}
