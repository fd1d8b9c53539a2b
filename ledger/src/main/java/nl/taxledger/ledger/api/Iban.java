package nl.taxledger.ledger.api;

import org.iban4j.IbanUtil;

/**
 * Whether a text is an IBAN: part of the contract, so the REST layer can check a field without reaching into the
 * {@code Participant} aggregate (an ArchUnit rule keeps {@code commandapi} on the ledger's API).
 */
public final class Iban {
    private Iban() {}

    /** IBAN check digits and national format (iban4j), not a hand-written mod 97. */
    public static boolean valid(String iban) {
        try {
            IbanUtil.validate(iban);
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }
}
