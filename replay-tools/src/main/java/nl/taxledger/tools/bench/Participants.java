package nl.taxledger.tools.bench;

import java.util.ArrayList;
import java.util.List;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/**
 * The participants of the synthetic cooperation, shaped like the SLA's: nine municipalities, a water board and
 * a waste authority, all remitted weekly. IBANs are built by iban4j (valid check digits), never typed by hand.
 */
final class Participants {
    static final int MUNICIPALITIES = 9;
    static final String WATER_BOARD = "WS-01";
    static final String WASTE_AUTHORITY = "AFV-01";
    private static final String[] DEBTOR_BANKS = {"ABNA", "INGB", "RABO", "SNSB", "TRIO"};

    private Participants() {
    }

    record Participant(String participantId, String name, String iban) {
    }

    static List<Participant> all() {
        List<Participant> all = new ArrayList<>();
        for (int m = 1; m <= MUNICIPALITIES; m++) {
            all.add(new Participant(municipality(m - 1), "Gemeente " + m, iban("BNGH", 285_000_000L + m)));
        }
        all.add(new Participant(WATER_BOARD, "Waterschap Rivierenland", iban("BNGH", 285_100_001L)));
        all.add(new Participant(WASTE_AUTHORITY, "Afvalschap Rivierenland", iban("BNGH", 285_200_001L)));
        return all;
    }

    /** Debtor {@code number} lives in one of the nine municipalities. */
    static String municipality(int number) {
        return String.format("GEM-%02d", 1 + Math.floorMod(number, MUNICIPALITIES));
    }

    static String debtorIban(int number) {
        return iban(DEBTOR_BANKS[Math.floorMod(number, DEBTOR_BANKS.length)], 100_000_000L + number);
    }

    private static String iban(String bankCode, long accountNumber) {
        return new Iban.Builder().countryCode(CountryCode.NL).bankCode(bankCode)
                .accountNumber(String.format("%010d", accountNumber)).build().toString();
    }
}
