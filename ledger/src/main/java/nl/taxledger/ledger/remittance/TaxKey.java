package nl.taxledger.ledger.remittance;

import java.util.Comparator;

/** A participant's tax type and tax year: the dimension of receipts and reserve on a statement. */
public record TaxKey(String taxType, int taxYear) implements Comparable<TaxKey> {
    private static final Comparator<TaxKey> ORDER = Comparator.comparingInt(TaxKey::taxYear).thenComparing(TaxKey::taxType);

    @Override
    public int compareTo(TaxKey other) {
        return ORDER.compare(this, other);
    }
}
