package nl.taxledger.ledger.api;

/** A command the ledger refuses. Thrown before anything is applied, so nothing is appended. */
public final class LedgerRejection extends RuntimeException {
    private final ErrorCode code;

    public LedgerRejection(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static void check(boolean condition, ErrorCode code, String message) {
        if (!condition) {
            throw new LedgerRejection(code, message);
        }
    }
}
