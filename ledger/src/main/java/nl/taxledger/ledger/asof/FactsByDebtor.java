package nl.taxledger.ledger.asof;

import nl.taxledger.ledger.api.LedgerFact;

/**
 * Takes the stored facts in the order a bounded replay reads them (issue 14): first the facts stored outside the
 * debtors' accounts in global order, then each debtor's account in its own order, debtor after debtor in key order.
 * Memory then holds one debtor at a time, whatever the size of the ledger.
 */
public interface FactsByDebtor {
    /** A fact stored outside the debtors' accounts; {@code position} (its global index) rising. */
    void applyShared(long position, LedgerFact event);

    /** A fact of debtor {@code debtorId}'s account; a debtor's facts arrive together, in the account's order. */
    void applyDebtor(long position, String debtorId, LedgerFact event);

    /** Both, each fact to {@code first} and then to {@code second}. */
    static FactsByDebtor both(FactsByDebtor first, FactsByDebtor second) {
        return new FactsByDebtor() {
            @Override
            public void applyShared(long position, LedgerFact event) {
                first.applyShared(position, event);
                second.applyShared(position, event);
            }

            @Override
            public void applyDebtor(long position, String debtorId, LedgerFact event) {
                first.applyDebtor(position, debtorId, event);
                second.applyDebtor(position, debtorId, event);
            }
        };
    }
}
