package nl.taxledger.service.security;

/**
 * The body bounds of domain.md §12 that more than one place enforces: the front door refuses a larger body before
 * anything reads it (413), and the bank-file readers refuse a larger file however it came in (a web page's upload,
 * a test), so the two can never disagree.
 */
public final class InputLimits {
    private static final long MIB = 1024L * 1024L;

    /** A bank file (camt.053, camt.054, pain.002): at most 100 MiB (§12). */
    public static final int MAX_BANK_FILE_BYTES = (int) (100 * MIB);

    private InputLimits() {}
}
