package nl.taxledger.tools;

/** Entry point of the command-line tools. */
public final class ReplayTools {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
