package nl.taxledger.ledger.bank;

import java.math.BigDecimal;

/** Cents as the bank writes them, for messages. */
final class Cents {
    private Cents() {
    }

    static String text(long amountCents) {
        return BigDecimal.valueOf(amountCents, 2).toPlainString();
    }
}
